/**
 * The share card's SVG on the hand-made cut (siteFixtures.ts): what it says, that it is
 * well-formed, that every line fits the card, and that it says SIMULACRO in a drill.
 */
import { describe, expect, it } from 'vitest';
import sax from 'sax';
import { electionData, unitData } from '../../../src/core/site/pageData.ts';
import { SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, shareCardAlt, shareCardOf, shareCardSvg, type ShareCard } from '../../../src/core/site/shareCard.ts';
import { textWidth } from '../../../src/core/site/cardText.ts';
import { handInput } from './siteFixtures.ts';

const input = handInput();
const CUT = '02/06/2024 23:40 (UTC-6)';

/** Every `<text>` of the SVG with its position, size, anchor and content; throws when the SVG is not well-formed XML. */
function textsOf(svg: string): { root: Record<string, string>; texts: Array<{ x: number; y: number; size: number; anchor: string; text: string }> } {
  const parser = sax.parser(true);
  let root: Record<string, string> | undefined;
  const texts: Array<{ x: number; y: number; size: number; anchor: string; text: string }> = [];
  let inText = false;
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    const a = tag.attributes as Record<string, string>;
    root ??= a;
    inText = tag.name === 'text';
    if (inText) texts.push({ x: Number(a.x), y: Number(a.y), size: Number(a['font-size']), anchor: a['text-anchor'] ?? 'start', text: '' });
  };
  parser.onclosetag = () => {
    inText = false;
  };
  parser.ontext = (t) => {
    if (inText) texts.at(-1)!.text += t;
  };
  parser.write(svg).close();
  return { root: root!, texts };
}

describe('shareCardOf(page, drill)', () => {
  it("names a unit's card by its election and place, and gives its headline and actas counted", () => {
    const unit = unitData(input, 'DIP_LOC', 2);
    const card = shareCardOf(unit, false);
    expect(card).toMatchObject({ site: 'PREP Guerrero 2024', election: 'Diputaciones locales', place: 'Distrito 2 · Distrito 2', drill: false });
    expect(unit.unit.name).toBe('DISTRITO 2');
    expect(card.headline.leader?.id).toBe(unit.results.porCandidatura.candidaturas[0]!.id);
    expect(card.counted).toEqual({
      ACTAS_ESPERADAS: unit.results.summary.ACTAS_ESPERADAS,
      ACTAS_CONTABILIZADAS: unit.results.summary.ACTAS_CONTABILIZADAS,
      PORCENTAJE_ACTAS_CONTABILIZADAS: unit.results.summary.PORCENTAJE_ACTAS_CONTABILIZADAS,
    });
  });

  it("names an election's card by the entity", () => {
    expect(shareCardOf(electionData(input, 'DIP_LOC'), true)).toMatchObject({ place: 'Guerrero', drill: true });
  });
});

describe('shareCardSvg(card, cut, host)', () => {
  const card = shareCardOf(electionData(input, 'DIP_LOC'), false);
  const svg = shareCardSvg(card, CUT, 'prep.example.org');
  const { root, texts } = textsOf(svg);
  const lines = texts.map((t) => t.text);

  it('is a 1200×630 SVG in Inter', () => {
    expect([root.width, root.height, root.viewBox, root['font-family']]).toEqual([String(SHARE_CARD_WIDTH), String(SHARE_CARD_HEIGHT), '0 0 1200 630', 'Inter']);
  });

  it('says the election, the place, who leads with what share, the second, actas counted and the cut of its figures', () => {
    const { leader, second } = card.headline;
    expect(lines).toEqual([
      'PREP Guerrero 2024 · Resultados preliminares',
      'Diputaciones locales',
      'Guerrero',
      'Va adelante',
      leader!.name,
      `${leader!.share.replace(/^/, '')}\u00a0%`,
      `${leader!.votes.toLocaleString('en-US')} votos`,
      `Segundo lugar: ${second!.name}, ${second!.share}\u00a0%`,
      `Actas contabilizadas: ${card.counted.PORCENTAJE_ACTAS_CONTABILIZADAS}\u00a0% (${card.counted.ACTAS_CONTABILIZADAS} de ${card.counted.ACTAS_ESPERADAS})`,
      `Cifras al corte de ${CUT}`,
      'prep.example.org',
    ]);
    expect(svg).toContain(`fill="${leader!.color}"`);
  });

  it('keeps every line inside the card, and lines on one baseline apart, however long the names', () => {
    const long: ShareCard = {
      ...card,
      place: 'Municipio 124 · Tlacoachistlahuaca de los Montes Altos y Bajos del Sur',
      headline: {
        ...card.headline,
        leader: { ...card.headline.leader!, name: 'Partido Revolucionario Institucional + Partido de la Revolución Democrática + Partido Acción Nacional' },
        second: { ...card.headline.second!, name: 'Movimiento Ciudadano por un Guerrero con Futuro, Paz y Bienestar para Todas y Todos' },
      },
    };
    const spans = textsOf(shareCardSvg(long, CUT, 'resultados-preliminares.iepcgro.example.org')).texts.map((t) => {
      const [from, to] = t.anchor === 'end' ? [t.x - textWidth(t.text, t.size), t.x] : [t.x, t.x + textWidth(t.text, t.size)];
      return { ...t, from, to };
    });
    for (const t of spans) {
      expect(t.from, t.text).toBeGreaterThanOrEqual(64);
      expect(t.to, t.text).toBeLessThanOrEqual(SHARE_CARD_WIDTH - 64);
    }
    for (const a of spans) for (const b of spans) if (a !== b && a.y === b.y && a.from < b.from) expect(a.to, `${a.text} | ${b.text}`).toBeLessThan(b.from);
    // The cut is never the line that gives way.
    expect(spans.map((t) => t.text)).toContain(`Cifras al corte de ${CUT}`);
  });

  it("shows the leader's and the second's emblems where configured, else their colours (a coalition's side by side)", () => {
    const { leader, second } = card.headline;
    const emblem = 'data:image/svg+xml;base64,PHN2Zy8+';
    const withEmblem = shareCardSvg(card, CUT, 'prep.example.org', { [leader!.id]: emblem });
    expect(withEmblem).toContain(`<image x="64" y="270" width="40" height="40" href="${emblem}"/>`);
    expect(withEmblem).not.toContain(`<image x="64" y="436"`);
    const coalition: ShareCard = { ...card, headline: { ...card.headline, second: { ...second!, colors: ['#0059a8', '#e30613', '#ffcb05'] } } };
    const bands = [...shareCardSvg(coalition, CUT, null).matchAll(/<rect x="([\d.]+)" y="436" width="10" height="30" fill="(#[0-9a-f]{6})"\/>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(bands).toEqual([[64, '#0059a8'], [74, '#e30613'], [84, '#ffcb05']]);
    expect(textsOf(withEmblem).texts.map((t) => t.text)).toEqual(lines);
  });

  it('escapes names for XML', () => {
    const odd = { ...card, headline: { ...card.headline, leader: { ...card.headline.leader!, name: 'A & <B> "C"' } } };
    expect(textsOf(shareCardSvg(odd, CUT, null)).texts.map((t) => t.text)).toContain('A & <B> "C"');
  });

  it('says when nobody leads yet, and leaves the host out without one', () => {
    const empty = { ...card, headline: { leader: null, tied: false, second: null, margin: null } };
    const shown = textsOf(shareCardSvg(empty, CUT, null)).texts.map((t) => t.text);
    expect(shown).toContain('Todavía no hay votos contabilizados.');
    expect(shown.at(-1)).toBe(`Cifras al corte de ${CUT}`);
  });

  it('says SIMULACRO in a drill', () => {
    expect(textsOf(shareCardSvg({ ...card, drill: true }, CUT, null)).texts[0]!.text).toBe('SIMULACRO');
  });

  it('is the same text for the same card', () => {
    expect(shareCardSvg(shareCardOf(electionData(input, 'DIP_LOC'), false), CUT, 'prep.example.org')).toBe(svg);
  });
});

describe('shareCardAlt(card, cut)', () => {
  it('says what the card shows in words', () => {
    const card = shareCardOf(electionData(input, 'DIP_LOC'), false);
    const { leader } = card.headline;
    expect(shareCardAlt(card, CUT)).toBe(
      `PREP Guerrero 2024, diputaciones locales, Guerrero: va adelante ${leader!.name} con ${leader!.share}\u00a0%; actas contabilizadas: ${card.counted.PORCENTAJE_ACTAS_CONTABILIZADAS}\u00a0%. Cifras al corte de ${CUT}.`,
    );
    expect(shareCardAlt({ ...card, drill: true, headline: { leader: null, tied: false, second: null, margin: null } }, CUT)).toMatch(/^SIMULACRO\. .*: todavía no hay votos contabilizados;/);
  });
});
