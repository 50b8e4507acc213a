import { appendFile, cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.ts';
import { GUERRERO } from '../../src/sim/presets/guerrero.ts';
import { SimulatedCapture } from '../../src/adapters/capture/simulatedCapture.ts';
import { countCut, cutIdentity } from '../../src/core/count/countCut.ts';
import type { CutDatabasesInput } from '../../src/core/databases/cutDatabasesInput.ts';
import type { ActaImageSource } from '../../src/adapters/databases/actaImages.ts';
import { loadSigningKey, simulatorTestKey } from '../../src/adapters/package/signing.ts';
import { cutDatabases } from '../../src/pipeline/cutDatabases.ts';

// One simulated cut (Guerrero preset, 21:20), written once for real; each case tampers with a copy.
let root: string;
let written: string;
let input: CutDatabasesInput;
let images: ActaImageSource;
const key = simulatorTestKey();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-cutdb-'));
  const sim = simulate(GUERRERO, 2024);
  const capture = new SimulatedCapture(sim, 'simulated capture');
  const at = Date.parse('2024-06-02T21:20:00-06:00');
  input = countCut(sim.config, capture.loaded.elections, capture.exportAsOf(at).actas, cutIdentity(sim.config, at, false), () => {});
  images = capture.images;
  // As in the work folder: <work>/datos/<stamp>/ and the image store <work>/actas/.
  written = join(root, 'original');
  const first = await cutDatabases(input, { datos: join(written, 'datos'), actas: join(written, 'actas'), images, key });
  expect(first.written).toBe(true);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A copy of the written databases and images, as a retried cut finds them in its work folder. */
async function copyOfWritten(name: string): Promise<{ datos: string; actas: string; dir: string }> {
  await cp(written, join(root, name), { recursive: true });
  const datos = join(root, name, 'datos');
  return { datos, actas: join(root, name, 'actas'), dir: join(datos, input.cut.stamp) };
}

/** The first results CSV of the cut (relative path, as verification names it). */
const firstCsv = async (dir: string): Promise<string> =>
  (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.csv') && !f.includes('CANDIDATURAS')).sort()[0]!;

describe('cutDatabases: databases written by an earlier attempt', () => {
  it('are reused when they verify', async () => {
    const { datos, actas } = await copyOfWritten('intact');
    const again = await cutDatabases(input, { datos, actas, images, key });
    expect(again.written).toBe(false);
  });

  const tamperings: { name: string; tamper: (dir: string) => Promise<string>; expected: RegExp }[] = [
    {
      name: 'a CSV edited (the attack of issue 10)',
      tamper: async (dir) => {
        const csv = await firstCsv(dir);
        const path = join(dir, csv);
        const text = await readFile(path, 'utf8');
        await writeFile(path, text.replace(/,(\d+),/, (_m, n: string) => `,${Number(n) + 1},`));
        return csv;
      },
      expected: /sha256sums|SHA-256|differs|size/i,
    },
    {
      name: 'a listed file deleted',
      tamper: async (dir) => {
        const csv = await firstCsv(dir);
        await unlink(join(dir, csv));
        return csv;
      },
      expected: /missing|not found|no such/i,
    },
    {
      name: 'an unlisted data file added',
      tamper: async (dir) => {
        await writeFile(join(dir, 'EXTRA.csv'), 'a,b\n1,2\n');
        return 'EXTRA.csv';
      },
      expected: /not listed/,
    },
    {
      name: 'the manifest changed after signing',
      tamper: async (dir) => {
        await appendFile(join(dir, 'manifest.json'), ' ');
        return 'manifest.json';
      },
      expected: /signature|manifest/i,
    },
  ];

  it.each(tamperings)('are refused, naming the file and what to delete: $name', async ({ name, tamper, expected }) => {
    const { datos, actas, dir } = await copyOfWritten(name.replace(/\W+/g, '-'));
    const file = await tamper(dir);
    const refusal = cutDatabases(input, { datos, actas, images, key });
    await expect(refusal).rejects.toThrow(`delete ${dir} to write this cut's databases again`);
    await expect(refusal).rejects.toThrow(file);
    await expect(refusal).rejects.toThrow(expected);
  });

  it('are refused when signed with another key than the configured one', async () => {
    const { datos, actas, dir } = await copyOfWritten('other-key');
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const otherKey = await loadSigningKey({ env: 'OTHER_KEY' }, root, { OTHER_KEY: pem });
    await expect(cutDatabases(input, { datos, actas, images, key: otherKey })).rejects.toThrow(
      `delete ${dir} to write this cut's databases again`,
    );
  });
});
