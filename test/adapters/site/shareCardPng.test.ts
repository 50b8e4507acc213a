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

  it('draws other figures differently', async () => {
    const other = shareCardSvg(card, '02/06/2024 23:20 (UTC-6)', 'prep.example.org');
    expect(Buffer.from(await shareCardPng(other)).equals(Buffer.from(await shareCardPng(svg)))).toBe(false);
  });
});
