import { z } from 'zod';

/**
 * How long one record (line) or one field of a capture export may be. A national NDJSON line
 * is about 1 KB and an Anexo 18.5 row less, so the defaults are far above any real export and
 * only stop a corrupt or hostile file before it exhausts memory.
 */
// A record is read with up to twice its length ahead, and V8 strings stop near 2^29 characters.
const MAX_CHARS = 256 * 1024 * 1024;

export const ExportLimitsSchema = z.strictObject({
  maxRecordChars: z
    .int()
    .min(1024)
    .max(MAX_CHARS)
    .default(1024 * 1024)
    .describe('Longest record (CSV row or NDJSON line) an export may hold, in characters; default 1048576 (1 MiB)'),
  maxFieldChars: z
    .int()
    .min(256)
    .max(MAX_CHARS)
    .default(64 * 1024)
    .describe('Longest single field (CSV cell or NDJSON value) an export may hold, in characters; default 65536'),
});

export type ExportLimits = z.output<typeof ExportLimitsSchema>;

export const DEFAULT_EXPORT_LIMITS: ExportLimits = ExportLimitsSchema.parse({});

/** What a diagnostic tells the operator when a cap is reached. */
export const raiseLimitHint = (key: keyof ExportLimits, limit: number): string =>
  `at most ${limit} characters; a real export never comes near this, but if it must, raise exportLimits.${key} in the configuration`;
