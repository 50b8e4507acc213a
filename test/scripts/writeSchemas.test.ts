import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);

describe('the published JSON Schemas', () => {
  it('are up to date with the zod schemas (npm run schemas)', () => {
    const r = spawnSync(process.execPath, ['scripts/write-schemas.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('describe every top-level key of a working configuration', () => {
    const schema = JSON.parse(readFileSync(new URL('schemas/config.schema.json', root), 'utf8')) as { properties: Record<string, unknown>; required: string[] };
    const config = parse(readFileSync(new URL('test/fixtures/cdmx-2024/config.yaml', root), 'utf8')) as Record<string, unknown>;
    for (const key of Object.keys(config)) expect(schema.properties).toHaveProperty(key);
    expect(schema.required).toEqual(expect.arrayContaining(['entity', 'year', 'parties', 'elections', 'schedule']));
  });
});
