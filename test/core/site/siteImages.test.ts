import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigSchema, type Config } from '../../../src/core/config/schema.ts';
import { extOfName, imageRefs, siteImages, sniffImage, type ImageFile } from '../../../src/core/site/siteImages.ts';

const svg = (text: string): ImageFile => ({ bytes: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${text}</svg>`), ext: 'svg' });
const sha = (f: ImageFile): string => createHash('sha256').update(f.bytes).digest('hex');

const config: Config = ConfigSchema.parse({
  entity: { id: 12, name: 'GUERRERO', abbreviation: 'GRO', timeZone: 'America/Mexico_City', utcOffsetLabel: 'UTC-6' },
  year: 2024,
  parties: [
    { id: 'PAN', name: 'PAN', color: '#0059a8', emblem: 'e/pan.svg' },
    { id: 'PRI', name: 'PRI', color: '#e1262d', emblem: 'e/pri.svg' },
    { id: 'MC', name: 'MC', color: '#ff8300' },
  ],
  elections: [
    {
      code: 'GUB', name: 'GUBERNATURA', level: 'distrito', actaTypes: ['1'],
      coalitions: [{ id: 'PAN_PRI', name: 'VA', members: ['PAN', 'PRI'], emblem: 'e/va.svg' }],
      independents: [{ id: 'CAND_IND_1', name: 'ANA', color: '#6b6b6b', unit: 0, emblem: 'e/same-as-pan.svg' }],
      candidaturas: [{ unit: 0, nominee: 'PAN_PRI', candidate: 'ANA PÉREZ', photo: 'f/ana.jpg' }, { unit: 0, nominee: 'MC', candidate: 'LUIS' }],
    },
    { code: 'AYUN', name: 'AYUNTAMIENTOS', level: 'municipio', actaTypes: ['5'], parties: ['PRI', 'MC'] },
  ],
  schedule: { start: '2024-06-02T20:00:00-06:00', end: '2024-06-03T20:00:00-06:00', dataUpdatesPerHour: 3, databaseUpdatesPerHour: 3 },
});

const pan = svg('PAN');
const jpeg: ImageFile = { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), ext: 'jpg' };
const files = new Map<string, ImageFile>([
  ['e/pan.svg', pan],
  ['e/pri.svg', svg('PRI')],
  ['e/va.svg', svg('VA')],
  ['e/same-as-pan.svg', pan],
  ['f/ana.jpg', jpeg],
]);

describe('imageRefs', () => {
  it('lists every image the configuration names, with the field that names it, in its order', () => {
    expect(imageRefs(config)).toEqual([
      { field: 'parties.0.emblem', file: 'e/pan.svg' },
      { field: 'parties.1.emblem', file: 'e/pri.svg' },
      { field: 'elections.0.coalitions.0.emblem', file: 'e/va.svg' },
      { field: 'elections.0.independents.0.emblem', file: 'e/same-as-pan.svg' },
      { field: 'elections.0.candidaturas.0.photo', file: 'f/ana.jpg' },
    ]);
  });
});

describe('siteImages', () => {
  const images = siteImages(config, files);
  it('links each election to the emblems of its own nominees only, by content-addressed path', () => {
    expect(images.links.emblems).toEqual({
      GUB: { PAN: `/imagenes/${sha(pan)}.svg`, PRI: `/imagenes/${sha(files.get('e/pri.svg')!)}.svg`, PAN_PRI: `/imagenes/${sha(files.get('e/va.svg')!)}.svg`, CAND_IND_1: `/imagenes/${sha(pan)}.svg` },
      // AYUN's ballot has PRI and MC; MC has no emblem.
      AYUN: { PRI: `/imagenes/${sha(files.get('e/pri.svg')!)}.svg` },
    });
    expect(images.links.photos).toEqual({ GUB: { '0/PAN_PRI': `/imagenes/${sha(jpeg)}.jpg` } });
  });
  it('publishes each distinct file once, in path order', () => {
    const paths = images.files.map((f) => f.path);
    expect(paths).toHaveLength(4);
    expect(paths).toEqual([...paths].sort());
  });
  it('refuses a file that was not read', () => {
    expect(() => siteImages(config, new Map())).toThrow(/image "e\/pan.svg" was not read/);
  });
});

describe('sniffImage and extOfName', () => {
  it.each([
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'png'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xdb]), 'jpg'],
    [Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')]), 'webp'],
    [Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
    [Buffer.from('GIF89a'), null],
    [Buffer.from('<html><body>no</body></html>'), null],
  ])('%#: %s', (bytes, ext) => expect(sniffImage(bytes)).toBe(ext));
  it.each([
    ['a.SVG', 'svg'],
    ['a.jpeg', 'jpg'],
    ['a.JPG', 'jpg'],
    ['a.webp', 'webp'],
    ['a.gif', null],
  ])('%s', (name, ext) => expect(extOfName(name)).toBe(ext));
});
