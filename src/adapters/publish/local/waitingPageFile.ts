/**
 * `<target>/espera.html`: the page `prep serve` answers (with 503) while no cut is live. The
 * night writes it when it starts, with its schedule (core/site/waitingPage.ts), so the first
 * visitors learn when the first cut comes and their page reloads itself until it does.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../package/atomicFile.ts';
import { WAITING_PAGE } from './localLayout.ts';

export async function writeWaitingPage(root: string, html: string): Promise<void> {
  await mkdir(root, { recursive: true });
  await writeFileAtomic(join(root, WAITING_PAGE), html);
}

/** The target's waiting page; null when none was written. */
export const readWaitingPage = (root: string): Promise<Buffer | null> =>
  readFile(join(root, WAITING_PAGE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
