/** Share cards rendered to PNG by resvg with the packaged Inter: the right size, the same bytes every time. */
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { shareCardPng } from '../../../src/adapters/site/shareCardPng.ts';
import { electionData } from '../../../src/core/site/pageData.ts';
import { shareCardOf, shareCardSvg } from '../../../src/core/site/shareCard.ts';
import { handInput } from '../../core/site/siteFixtures.ts';

const card = shareCardOf(electionData(handInput(), 'DIP_LOC'), false);
const svg = shareCardSvg(card, '02/06/2024 23:40 (UTC-6)', 'prep.example.org');

/** A PNG's chunks: type and data. */
function chunks(png: Uint8Array): Array<{ type: string; data: Buffer }> {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const out: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < b.length; ) {
    const length = b.readUInt32BE(at);
    out.push({ type: b.toString('latin1', at + 4, at + 8), data: b.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

/** The RGBA pixels of 8-bit RGBA PNG scanlines (PNG's five filters undone). */
function unfilter(rows: Buffer, width: number, height: number): Buffer {
  const bpp = 4;
  const line = width * bpp;
  const out = Buffer.alloc(line * height);
  for (let y = 0; y < height; y++) {
    const filter = rows[y * (line + 1)]!;
    for (let x = 0; x < line; x++) {
      const raw = rows[y * (line + 1) + 1 + x]!;
      const a = x >= bpp ? out[y * line + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * line + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * line + x - bpp]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      out[y * line + x] = (raw + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
  }
  return out;
}

describe('shareCardPng(svg)', () => {
  it('is a 1200×630 PNG with text drawn (the fonts were found), the same bytes at every render', async () => {
    const [a, b] = await Promise.all([shareCardPng(svg), shareCardPng(svg)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const parts = chunks(a);
    const header = parts[0]!;
    expect(header.type).toBe('IHDR');
    expect([header.data.readUInt32BE(0), header.data.readUInt32BE(4)]).toEqual([1200, 630]);
    // Without a font the texts would be left out: the card would be little more than its bars.
    const textless = await shareCardPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    const pixels = (png: Uint8Array) => inflateSync(Buffer.concat(chunks(png).filter((c) => c.type === 'IDAT').map((c) => c.data)));
    const [drawn, bare] = [pixels(a), pixels(textless)];
    let differ = 0;
    for (let i = 0; i < drawn.length; i++) if (drawn[i] !== bare[i]) differ++;
    expect(differ).toBeGreaterThan(20_000);
  });

  it('draws an emblem given as a data: URL in place of the colour square', async () => {
    const leader = card.headline.leader!;
    // A 40×40 emblem of a colour the card has nowhere else, so its pixels can be found.
    const emblem = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#00ff7f"/></svg>').toString('base64')}`;
    const png = await shareCardPng(shareCardSvg(card, '02/06/2024 23:40 (UTC-6)', 'prep.example.org', { [leader.id]: emblem }));
    const header = chunks(png)[0]!.data;
    const [bitDepth, colorType] = [header[8], header[9]];
    expect([bitDepth, colorType]).toEqual([8, 6]);
    const rows = inflateSync(Buffer.concat(chunks(png).filter((c) => c.type === 'IDAT').map((c) => c.data)));
    // Pixel (84, 290), the middle of the leader's mark at (64, 270) 40×40; each row starts with its filter byte.
    const stride = 1 + 1200 * 4;
    const unfiltered = unfilter(rows, 1200, 630);
    const at = 290 * 1200 * 4 + 84 * 4;
    expect([...unfiltered.subarray(at, at + 4)]).toEqual([0x00, 0xff, 0x7f, 0xff]);
    expect(rows.length).toBe(stride * 630);
  });

  it('draws other figures differently', async () => {
    const other = shareCardSvg(card, '02/06/2024 23:20 (UTC-6)', 'prep.example.org');
    expect(Buffer.from(await shareCardPng(other)).equals(Buffer.from(await shareCardPng(svg)))).toBe(false);
  });
});
