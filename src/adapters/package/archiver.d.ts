// archiver 8 ships no type declarations (and @types/archiver describes the older CommonJS
// API). This declares only the part of its documented API that src/adapters/package uses:
// `new ZipArchive(options)`, `append`, `finalize`, `pointer`, and its Transform stream events.
declare module 'archiver' {
  import type { Transform } from 'node:stream';

  export interface ZipArchiveOptions {
    /** Passed to zlib's deflate; `level` 0–9. */
    zlib?: { level?: number };
    /** Sets the compression method to STORE for every entry. */
    store?: boolean;
    /** Archive comment. */
    comment?: string;
    /** DOS times from the Date's local fields instead of its UTC fields (default false). */
    forceLocalTime?: boolean;
    /** Always write ZIP64 records (default false). */
    forceZip64?: boolean;
    /** Prepend `/` to entry names (default false). */
    namePrependSlash?: boolean;
    highWaterMark?: number;
    statConcurrency?: number;
  }

  export interface EntryData {
    name: string;
    date?: Date | string;
    mode?: number;
    prefix?: string;
    store?: boolean;
    comment?: string;
  }

  export class ZipArchive extends Transform {
    constructor(options?: ZipArchiveOptions);
    append(source: NodeJS.ReadableStream | Buffer | string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
    pointer(): number;
  }
}
