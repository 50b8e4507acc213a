import { fileURLToPath } from 'node:url';
import type { Source } from './source.ts';
import { downloadHttp } from './httpDownload.ts';
import { inputError } from './inputError.ts';
import { openLocalFile } from './localFile.ts';

/** Knobs for openSource; every one has a default suited to a national cut. */
export interface OpenSourceOptions {
  /** Per HTTP attempt, including the body read. Default 30 s. */
  timeoutMs?: number;
  /** HTTP retries after the first attempt, on transient failures only. Default 3. */
  retries?: number;
  /** Largest HTTP body accepted (it is held in memory). Default 512 MiB. Local files are streamed and not capped. */
  maxBytes?: number;
  /** The fetch to use; default the global one (undici). */
  fetch?: typeof fetch;
  /** Delay before the first HTTP retry, doubling after that, with jitter. Default 500 ms. */
  backoffMs?: number;
}

const DEFAULTS = { timeoutMs: 30_000, retries: 3, maxBytes: 512 * 1024 * 1024, backoffMs: 500 };

/**
 * Opens the capture export at `location`: a local path, a file: URL or an http(s): URL.
 * Failures are InputErrors naming the location (without credentials or query string).
 */
export async function openSource(location: string, options: OpenSourceOptions = {}): Promise<Source> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(location)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      throw inputError({ file: redactLocation(location), message: 'is not a valid URL' });
    }
    return downloadHttp(url, {
      timeoutMs: positive(options.timeoutMs ?? DEFAULTS.timeoutMs, 'timeoutMs'),
      retries: wholeNumber(options.retries ?? DEFAULTS.retries, 'retries'),
      maxBytes: positive(options.maxBytes ?? DEFAULTS.maxBytes, 'maxBytes'),
      backoffMs: wholeNumber(options.backoffMs ?? DEFAULTS.backoffMs, 'backoffMs'),
      fetch: options.fetch ?? globalThis.fetch,
    });
  }
  if (scheme === 'file') {
    let path: string;
    try {
      path = fileURLToPath(location);
    } catch {
      throw inputError({ file: location, message: 'is not a usable file: URL', expected: 'file:///absolute/path' });
    }
    return openLocalFile(path);
  }
  // A one-letter "scheme" is a Windows drive (C:\...), i.e. a path.
  if (scheme !== undefined && scheme.length > 1 && location.slice(scheme.length + 1).startsWith('//')) {
    throw inputError({
      file: redactLocation(location),
      message: `unsupported address scheme "${scheme}:"`,
      expected: 'a local path, a file: URL or an http(s): URL',
    });
  }
  return openLocalFile(location);
}

/** Best-effort credential and query stripping for text that is not even a valid URL. */
function redactLocation(location: string): string {
  return location.replace(/^([^:/?#]+:\/\/)[^/?#]*@/, '$1').replace(/[?#].*$/s, '');
}

function positive(value: number, what: string): number {
  if (!(value > 0)) throw new RangeError(`openSource: ${what} must be positive, got ${value}`);
  return value;
}

function wholeNumber(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`openSource: ${what} must be a whole number ≥ 0, got ${value}`);
  return value;
}
