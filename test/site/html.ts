/**
 * Reading figures back out of the built HTML, as a reader without JavaScript gets it: every
 * `<script>` (and every `<template>`) is removed first, so a figure found here is in the markup.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The HTML without scripts and templates. */
export const withoutScripts = (html: string): string => html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<template\b[\s\S]*?<\/template>/gi, '');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** The text of an HTML fragment (tags dropped, entities decoded, spaces collapsed). */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, name: string) =>
      name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? whole),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of every element carrying `attribute="value"` (the element's own content, one level of nesting allowed). */
export function cellsWith(html: string, attribute: string, value?: string): string[] {
  const attr = value === undefined ? `${attribute}(?:="[^"]*")?` : `${attribute}="${value}"`;
  const re = new RegExp(`<(td|th|span|p|div)\\b[^>]*\\s${attr}[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  return [...html.matchAll(re)].map((m) => textOf(m[2]!));
}

/** `2,780,010` → 2780010. */
export function parseInteger(text: string): number {
  if (!/^-?\d{1,3}(,\d{3})*$/.test(text)) throw new Error(`not an es-MX integer: ${JSON.stringify(text)}`);
  return Number(text.replace(/,/g, ''));
}

/** `85.0052 %` (no-break space) → `85.0052`, the engine's text. */
export function parsePercent(text: string): string {
  const m = /^(\d{1,3}(?:,\d{3})*)\.(\d{4})\u00a0%$/.exec(text);
  if (m === null) throw new Error(`not an es-MX percentage: ${JSON.stringify(text)}`);
  return `${m[1]!.replace(/,/g, '')}.${m[2]}`;
}

/** The rows of a table with `id`: each `<tr data-id>` → its `data-votes` cell's number. */
export function votesById(html: string, tableId: string): Map<string, number> {
  const table = new RegExp(`<table[^>]*id="${tableId}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
  if (table === null) throw new Error(`no table #${tableId}`);
  const out = new Map<string, number>();
  for (const row of table[1]!.matchAll(/<tr[^>]*data-id="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
    const cell = /<td[^>]*data-votes[^>]*>([\s\S]*?)<\/td>/.exec(row[2]!);
    if (cell) out.set(row[1]!, parseInteger(textOf(cell[1]!)));
  }
  return out;
}

/** Internal links of a page (`href="/…"`), without fragments. */
export const internalLinks = (html: string): string[] =>
  [...new Set([...html.matchAll(/\shref="(\/[^"#]*)(#[^"]*)?"/g)].map((m) => m[1]!))];

/** The file a site path is served from: `/a/` → `a/index.html`. */
export const fileOf = (site: string, path: string): string => join(site, path.endsWith('/') ? `${path}index.html` : path);

/** Gzip size of some bytes (level 9, as a CDN would compress a static file). */
export const gzipSize = (bytes: Buffer | string): number => gzipSync(bytes, { level: 9 }).length;

/**
 * The JavaScript a page loads: every island's component and renderer module and, recursively,
 * their static imports; plus the inline scripts. Returns gzip sizes per file and in total.
 */
export function pageScripts(site: string, html: string): { files: Map<string, number>; inline: number; total: number } {
  const files = new Map<string, number>();
  const queue = [...html.matchAll(/(?:component-url|renderer-url|src)="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]!);
  while (queue.length > 0) {
    const url = queue.pop()!;
    if (files.has(url)) continue;
    const code = readFileSync(join(site, url), 'utf8');
    files.set(url, gzipSize(code));
    for (const m of code.matchAll(/(?:import|from)\s*["'](\.\/[^"']+\.js)["']/g)) queue.push(`/_astro/${m[1]!.slice(2)}`);
  }
  const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].reduce((n, m) => n + gzipSize(m[1]!), 0);
  return { files, inline, total: inline + [...files.values()].reduce((a, b) => a + b, 0) };
}
