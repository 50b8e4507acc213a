import { createHash, type Hash } from 'node:crypto';
import type { ElectionLayout } from '../core/config/electionLayout.ts';
import { formatCell, NO_APLICA } from '../core/model/voteCell.ts';
import { formRows, formTitle, TOTALS_LABELS, type ActaImageFields } from './actaForm.ts';

/** A rendered acta image and its CODIGO_INTEGRIDAD (SHA-256 of the SVG's UTF-8 bytes, hex). */
export interface ActaImage {
  svg: string;
  codigoIntegridad: string;
}

/** The static head of every image of one ballot shape (which columns are on the ballot). */
interface ImageHead {
  text: string;
  /** SHA-256 state after `text`: each image only hashes what follows. */
  hash: Hash;
  /** Per printed row (vote fields on the ballot, then totals): the opening of its value. */
  valueAt: string[];
}

/** Per-election parts of the acta images, rendered once; heads are added per ballot shape as met. */
export interface ActaImageTemplate {
  title: string;
  /** Per layout column: label and the color of its nominee, if any. */
  rows: readonly { label: string; color: string | undefined }[];
  heads: Map<number | string, ImageHead>;
}

const WIDTH = 520;
const ROW = 19;
const TOP = 114;
const RIGHT = WIDTH - 16;

const escapeXml = (s: string): string => (!/[&<>"]/.test(s) ? s : s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, "&quot;"));

/** Prepares an election's acta images: title, row labels and nominee colors. */
export function actaImageTemplate(layout: ElectionLayout, year: number): ActaImageTemplate {
  const rows = formRows(layout).map((row) => ({ label: escapeXml(row.label), color: row.color }));
  return { title: escapeXml(formTitle(layout, year)), rows, heads: new Map() };
}

/**
 * Renders an acta as a small, legible tally sheet in SVG — the election, the acta key,
 * every vote field on the ballot as captured, the totals — and hashes it. Deterministic:
 * the same acta gives the same bytes. The layout of a ballot shape (its labels, positions,
 * colors) comes first and is hashed once per shape; at the national scale this halves
 * the cost of the half million hashes.
 */
export function renderActaImage(template: ActaImageTemplate, acta: ActaImageFields): ActaImage {
  const votes = acta.votes;
  const head = headFor(template, votes);
  const at = head.valueAt;
  let tail = '';
  let r = 0;
  for (let j = 0; j < votes.length; j++) if (votes[j] !== NO_APLICA) tail += at[r++] + formatCell(votes[j]!) + '</tspan>';
  const t = acta.totals;
  tail +=
    at[r++] + formatCell(t.totalAsentado) + '</tspan>' +
    at[r++] + formatCell(t.boletasSobrantes) + '</tspan>' +
    at[r++] + formatCell(t.personasVotaron) + '</tspan>' +
    at[r++] + formatCell(t.repVotaron) + '</tspan>' +
    at[r++] + formatCell(t.votosSacados) + '</tspan>';
  tail +=
    `</text><text x="16" y="48">${escapeXml(acta.place[0])}</text><text x="16" y="70">${escapeXml(acta.place[1])}</text>` +
    `<text x="16" y="92" font-weight="bold">CLAVE DE ACTA ${escapeXml(acta.claveActa)}</text></svg>\n`;
  return { svg: head.text + tail, codigoIntegridad: head.hash.copy().update(tail, 'utf8').digest('hex') };
}

/** The head for the ballot shape of these cells, rendered on first use. */
function headFor(template: ActaImageTemplate, votes: Int32Array): ImageHead {
  // A bit mask names the shape without allocating (layouts have a few dozen columns at most).
  let shape: number | string = 0;
  if (votes.length <= 30) for (let j = 0; j < votes.length; j++) shape |= votes[j] === NO_APLICA ? 0 : 1 << j;
  else shape = Array.from(votes, (v) => (v === NO_APLICA ? '0' : '1')).join('');
  let head = template.heads.get(shape);
  if (head === undefined) {
    head = renderHead(template, votes);
    template.heads.set(shape, head);
  }
  return head;
}

function renderHead(template: ActaImageTemplate, votes: Int32Array): ImageHead {
  let body = '';
  const valueAt: string[] = [];
  let y = TOP;
  for (let j = 0; j < votes.length; j++) {
    if (votes[j] === NO_APLICA) continue;
    y += ROW;
    const row = template.rows[j]!;
    if (row.color !== undefined) body += `<path d="M16 ${y - 10}h10v10H16z" fill="${row.color}"/>`;
    body += `<text x="32" y="${y}">${row.label}</text>`;
    valueAt.push(`<tspan x="${RIGHT}" y="${y}">`);
  }
  y += 8;
  body += `<path d="M16 ${y}H${RIGHT}" stroke="#444"/>`;
  for (const label of TOTALS_LABELS) {
    y += ROW;
    body += `<text x="16" y="${y}">${label}</text>`;
    valueAt.push(`<tspan x="${RIGHT}" y="${y}">`);
  }
  const height = y + 20;
  const text =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans Mono,monospace" font-size="13">` +
    `<rect x="1" y="1" width="${WIDTH - 2}" height="${height - 2}" fill="#fbfaf3" stroke="#444"/>` +
    `<text x="16" y="26" font-size="14" font-weight="bold">${template.title}</text>` +
    `<path d="M16 ${TOP - 10}H${RIGHT}" stroke="#444"/>` +
    body +
    `<text text-anchor="end" font-weight="bold">`;
  return { text, hash: createHash('sha256').update(text, 'utf8'), valueAt };
}
