/** The k6 scripts import only k6's documented modules (k6 1.0 and 2.x have them all) and each other. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/adapters/publish/stagedCut.ts';

const DOCUMENTED = ['k6', 'k6/http', 'k6/metrics', 'k6/data', 'k6/execution'];
const IMPORT = /^\s*import\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\b(?:import|require)\s*\(/;

const scripts = (await listFiles('load-tests')).filter((p) => p.endsWith('.js'));

describe('load-tests imports', () => {
  it('there are scripts to check', () => expect(scripts).toContain('prep.js'));

  it.each(scripts)('%s imports k6 modules or its own files only', async (path) => {
    const text = await readFile(`load-tests/${path}`, 'utf8');
    expect(text.startsWith('// @ts-check\n')).toBe(true);
    // JSDoc's import('…') names types only; the code itself never loads a module at run time.
    expect(DYNAMIC.test(text.replace(/\/\*[\s\S]*?\*\//g, ''))).toBe(false);
    for (const [, spec] of text.matchAll(IMPORT)) {
      if (spec!.startsWith('./') || spec!.startsWith('../')) expect(spec).toMatch(/\.js$/);
      else expect(DOCUMENTED).toContain(spec);
    }
  });

  it('prep.js uses the k6 modules it is meant to', async () => {
    const specs = [...(await readFile('load-tests/prep.js', 'utf8')).matchAll(IMPORT)].map((m) => m[1]);
    expect(specs).toEqual(expect.arrayContaining(['k6/http', 'k6', 'k6/metrics', 'k6/data']));
  });
});
