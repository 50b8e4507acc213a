/**
 * The share card of an election's or a district's or municipio's page: a 1200×630 picture that
 * social networks and chat apps show with a shared link (OpenGraph `og:image`, Twitter's
 * `summary_large_image`). It says what the page's headline says — who leads, with what share,
 * the second, how many actas are counted — and the cut of those figures, so a card seen hours
 * later still says when it was true. Drawn here as SVG text in Inter (cardText.ts measures it),
 * turned into a PNG at build time (adapters/site/shareCardPng.ts).
 *
 * Built from the page's own data, so the card changes exactly when the page does and is written
 * with it (companionPaths, pagePaths.ts).
 */
import type { SummaryFigures } from '../aggregate/summaryFigures.ts';
import { fitText, textWidth, type FittedText } from './cardText.ts';
import { displayName, sentenceCase } from './displayName.ts';
import { formatInteger, formatPercent } from './formatNumber.ts';
import { headlineOf, type Headline } from './headline.ts';
import type { ElectionData, UnitData } from './pageData.ts';
import { unitTitle } from './unitTitle.ts';
import { escapeXml } from './xmlText.ts';
import type { SiteImageExt, SiteImages } from './siteImages.ts';

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;
/** The font family the card is drawn in; the PNG renderer must be given its files. */
export const SHARE_CARD_FONT = 'Inter';

/** What a card says, but for its cut. */
export interface ShareCard {
  /** `PREP Guerrero 2024`. */
  site: string;
  /** `Diputaciones locales`. */
  election: string;
  /** `Distrito 7 · Chilpancingo de los Bravo`, or the entity for an election's card. */
  place: string;
  headline: Headline;
  counted: Pick<SummaryFigures, 'ACTAS_ESPERADAS' | 'ACTAS_CONTABILIZADAS' | 'PORCENTAJE_ACTAS_CONTABILIZADAS'>;
  drill: boolean;
}

/** The card of an election's or unit's page, from its data (its datos.json). */
export function shareCardOf(page: ElectionData | UnitData, drill: boolean): ShareCard {
  const { entity, election, results } = page;
  const { ACTAS_ESPERADAS, ACTAS_CONTABILIZADAS, PORCENTAJE_ACTAS_CONTABILIZADAS } = results.summary;
  return {
    site: `PREP ${displayName(entity.name, { single: 'word' })} ${entity.year}`,
    election: sentenceCase(election.name),
    place: page.page === 'unit' ? unitTitle(election.level, page.unit.unit, page.unit.name) : displayName(entity.name, { single: 'word' }),
    headline: headlineOf(results.porCandidatura.candidaturas, results.summary.TOTAL_VOTOS_C_CS),
    counted: { ACTAS_ESPERADAS, ACTAS_CONTABILIZADAS, PORCENTAJE_ACTAS_CONTABILIZADAS },
    drill,
  };
}

/** The card in words, for `og:image:alt`: what it shows, at the cut labelled `cut`. */
export function shareCardAlt(card: ShareCard, cut: string): string {
  const { headline: h } = card;
  const lead =
    h.leader === null
      ? 'todavía no hay votos contabilizados'
      : `${h.tied ? 'empate en el primer lugar' : 'va adelante'} ${displayName(h.leader.name)} con ${formatPercent(h.leader.share)}`;
  return `${card.drill ? 'SIMULACRO. ' : ''}${card.site}, ${card.election.toLowerCase()}, ${card.place}: ${lead}; actas contabilizadas: ${formatPercent(card.counted.PORCENTAJE_ACTAS_CONTABILIZADAS)}. Cifras al corte de ${cut}.`;
}

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const LINE = '#c8ccd2';
const SOFT = '#f3f4f6';
const BAR = '#0a4f96';
const ACCENT = '#7a1f3d';
const DRILL = '#5c0a0a';
const LEFT = 64;
const RIGHT = SHARE_CARD_WIDTH - 64;

/** A `<text>` at (x, y) of a fitted line. */
const text = (x: number, y: number, t: FittedText, attrs = ''): string =>
  `<text x="${x}" y="${y}" font-size="${t.size}"${attrs ? ` ${attrs}` : ''}>${escapeXml(t.text)}</text>`;
/**
 * A candidatura's mark, as on its page (Mark.astro): its emblem where one is configured, else its
 * colour square — a coalition's parties' colours side by side — outlined so that a white or
 * pale colour shows.
 */
function mark(x: number, y: number, size: number, who: { id: string; colors: readonly string[] }, emblems: CardEmblems): string {
  const emblem = emblems[who.id];
  if (emblem !== undefined) return `<image x="${x}" y="${y}" width="${size}" height="${size}" href="${escapeXml(emblem)}"/>`;
  const w = size / who.colors.length;
  const bands = who.colors.map((c, i) => `<rect x="${x + i * w}" y="${y}" width="${w}" height="${size}" fill="${escapeXml(c)}"/>`).join('');
  return `${bands}<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="4" fill="none" stroke="${MUTED}" stroke-width="2"/>`;
}

/** Each candidatura's emblem, by id, as a `data:` URL (the card embeds it: a PNG renderer fetches nothing). */
export type CardEmblems = Readonly<Record<string, string>>;

const MEDIA_TYPES: Record<SiteImageExt, string> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

/** Each election's card emblems, by election code, from the site's images. */
export function cardEmblems(images: SiteImages): Map<string, CardEmblems> {
  const bytes = new Map(images.files.map((f) => [f.path, f.bytes]));
  const dataUrl = (path: string): string => {
    const ext = path.slice(path.lastIndexOf('.') + 1) as SiteImageExt;
    return `data:${MEDIA_TYPES[ext]};base64,${Buffer.from(bytes.get(path)!).toString('base64')}`;
  };
  return new Map(Object.entries(images.links.emblems).map(([code, ids]) => [code, Object.fromEntries(Object.entries(ids).map(([id, path]) => [id, dataUrl(path)]))]));
}

/**
 * The card as an SVG document, at the cut labelled `cut`; `host` (`prep.example.org`) is printed
 * where the site has one; `emblems` are the election's configured emblems.
 */
export function shareCardSvg(card: ShareCard, cut: string, host: string | null, emblems: CardEmblems = {}): string {
  const width = RIGHT - LEFT;
  const { headline: h, counted } = card;
  const parts: string[] = [
    `<rect width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" fill="#fff"/>`,
    `<rect width="${SHARE_CARD_WIDTH}" height="16" fill="${card.drill ? DRILL : ACCENT}"/>`,
  ];
  const top = `${card.site} · Resultados preliminares`;
  if (card.drill) {
    const badge = 'SIMULACRO';
    const w = textWidth(badge, 26) + 24;
    parts.push(`<rect x="${LEFT}" y="46" width="${w}" height="38" rx="4" fill="${DRILL}"/>`, text(LEFT + 12, 74, { text: badge, size: 26 }, 'font-weight="700" fill="#fff"'));
    parts.push(text(LEFT + w + 16, 74, fitText(top, width - w - 16, 28, 20), `fill="${MUTED}"`));
  } else parts.push(text(LEFT, 74, fitText(top, width, 28, 20), `fill="${MUTED}"`));
  parts.push(text(LEFT, 140, fitText(card.election, width, 50, 34), `font-weight="700" fill="${INK}"`));
  parts.push(text(LEFT, 190, fitText(card.place, width, 36, 26), `fill="${INK}"`));

  if (h.leader === null) parts.push(text(LEFT, 330, fitText('Todavía no hay votos contabilizados.', width, 52, 36), `font-weight="700" fill="${INK}"`));
  else {
    const said = h.tied ? 'Empate en el primer lugar' : 'Va adelante';
    parts.push(text(LEFT, 250, { text: said, size: 28 }, `fill="${MUTED}"`));
    parts.push(mark(LEFT, 270, 40, h.leader, emblems));
    parts.push(text(LEFT + 56, 304, fitText(displayName(h.leader.name), width - 56, 44, 28), `font-weight="700" fill="${INK}"`));
    const share = { text: formatPercent(h.leader.share), size: 96 };
    parts.push(text(LEFT, 408, share, `font-weight="700" fill="${INK}"`));
    const votes = `${formatInteger(h.leader.votes)} votos`;
    const after = LEFT + textWidth(share.text, 96) + 24;
    parts.push(text(after, 408, fitText(votes, RIGHT - after, 34, 24), `fill="${MUTED}"`));
    if (h.second !== null) {
      const line = `Segundo lugar: ${displayName(h.second.name)}, ${formatPercent(h.second.share)}`;
      parts.push(mark(LEFT, 436, 30, h.second, emblems));
      parts.push(text(LEFT + 44, 462, fitText(line, width - 44, 32, 22), `fill="${INK}"`));
    }
  }

  const percent = Math.min(100, Number(counted.PORCENTAJE_ACTAS_CONTABILIZADAS));
  const actas = `Actas contabilizadas: ${formatPercent(counted.PORCENTAJE_ACTAS_CONTABILIZADAS)} (${formatInteger(counted.ACTAS_CONTABILIZADAS)} de ${formatInteger(counted.ACTAS_ESPERADAS)})`;
  parts.push(text(LEFT, 516, fitText(actas, width, 30, 22), `fill="${INK}"`));
  parts.push(`<rect x="${LEFT}" y="530" width="${width}" height="16" fill="${SOFT}" stroke="${LINE}" stroke-width="2"/>`);
  // The bar's width in whole pixels: the same figures always draw the same picture.
  parts.push(`<rect x="${LEFT}" y="530" width="${Math.floor((width * percent) / 100)}" height="16" fill="${BAR}"/>`);
  // The cut first, whole if it can be; the host in what is left of the line.
  const cutLine = fitText(`Cifras al corte de ${cut}`, host === null ? width : width - 200, 30, 22);
  parts.push(text(LEFT, 598, cutLine, `font-weight="700" fill="${INK}"`));
  if (host !== null) parts.push(text(RIGHT, 598, fitText(host, width - textWidth(cutLine.text, cutLine.size) - 32, 26, 18), `text-anchor="end" fill="${MUTED}"`));

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" viewBox="0 0 ${SHARE_CARD_WIDTH} ${SHARE_CARD_HEIGHT}" font-family="${SHARE_CARD_FONT}">\n` +
    parts.join('\n') +
    '\n</svg>\n'
  );
}
