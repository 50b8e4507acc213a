import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/adapters/config/loadConfig.ts';
import { InputError, formatDiagnostic } from '../../../src/core/diagnostics.ts';

let dir: string;
const YAML = (emblems: Record<string, string>): string => `
entity: { id: 12, name: GUERRERO, abbreviation: GRO, timeZone: America/Mexico_City, utcOffsetLabel: UTC-6 }
year: 2024
parties:
${Object.entries(emblems).map(([id, file]) => `  - { id: ${id}, name: ${id}, color: "#123456", emblem: ${file} }`).join('\n')}
elections:
  - { code: DIP_LOC, name: DIPUTACIONES, level: distrito, actaTypes: ["2"] }
schedule: { start: "2024-06-02T20:00:00-06:00", end: "2024-06-03T20:00:00-06:00", dataUpdatesPerHour: 3, databaseUpdatesPerHour: 3 }
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prep-images-'));
  await mkdir(join(dir, 'e'));
  await writeFile(join(dir, 'e', 'ok.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  await writeFile(join(dir, 'e', 'png.svg'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  await writeFile(join(dir, 'e', 'big.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300_000)]));
  await writeFile(join(dir, 'e', 'text.jpg'), 'not an image');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function problems(emblems: Record<string, string>): Promise<string[]> {
  const file = join(dir, 'config.yaml');
  await writeFile(file, YAML(emblems));
  try {
    await loadConfig(file);
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.diagnostics.map((d) => formatDiagnostic({ ...d, file: 'config.yaml' }));
  }
}

describe('the images a configuration names', () => {
  it('loads a configuration whose images are what their names say', async () => {
    const file = join(dir, 'good.yaml');
    await writeFile(file, YAML({ PAN: 'e/ok.svg', PRI: 'e/ok.svg' }));
    const loaded = await loadConfig(file);
    expect(loaded.images.files).toHaveLength(1);
    expect(Object.keys(loaded.images.links.emblems.DIP_LOC!)).toEqual(['PAN', 'PRI']);
  });

  it('names the field, the file and what was expected for every bad image at once', async () => {
    expect(await problems({ PAN: 'e/missing.svg', PRI: 'e/png.svg', PT: 'e/big.png', MC: 'e/text.jpg' })).toEqual([
      'error: config.yaml: column parties.0.emblem: value "e/missing.svg": cannot read the image: no such file (expected a file relative to the configuration file)',
      'error: config.yaml: column parties.1.emblem: value "e/png.svg": the file is a PNG image, not what its name says (expected an SVG image)',
      'error: config.yaml: column parties.2.emblem: value "e/big.png": the image is 300008 bytes (expected at most 262144 bytes (256 KiB))',
      'error: config.yaml: column parties.3.emblem: value "e/text.jpg": the file is not an SVG, PNG, JPEG or WebP image (expected a JPEG image)',
    ]);
  });

  it('refuses a name that is not an image file before reading anything', async () => {
    const [first] = await problems({ PAN: 'e/logo.gif' });
    expect(first).toMatch(/column parties\.0\.emblem: value "e\/logo\.gif": must be an image file ending in \.svg, \.png, \.jpg, \.jpeg or \.webp/);
  });
});
