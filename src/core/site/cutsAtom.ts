/**
 * `/cortes.atom`: the cuts of `/cortes.json` as an Atom feed (RFC 4287), one entry per
 * published cut, newest first, so a newsroom's feed reader learns of each cut. The text is the
 * same for the same cuts, byte for byte: every date is a cut's instant, never the clock.
 *
 * Ids are name-based UUIDs (`urn:uuid:`, version 5, RFC 9562) of the entity, the year, the
 * cut's stamp and whether it is a drill: the same cut has the same id wherever the site is
 * served and with or without its public URL, and a drill's cuts are never a real night's.
 * Links are absolute with the site's URL, otherwise paths from the site's root, which a reader
 * resolves against the feed's own address.
 */
import { createHash } from 'node:crypto';
import type { CutsFeed, FeedCut, FeedElection } from './cutsFeed.ts';
import { displayName, sentenceCase } from './displayName.ts';
import { formatInteger, formatPercent } from './formatNumber.ts';
import { CUTS_ATOM_PATH, CUTS_JSON_PATH, historyPath, homePath } from './pagePaths.ts';
import { escapeXml } from './xmlText.ts';

/** The namespace of this feed's name-based UUIDs (a random UUID, fixed once). */
const NAMESPACE = Buffer.from('c29c3e82937e4ce99eaf1e13d30ec251', 'hex');

/** `urn:uuid:…`: the version 5 UUID of `name` in NAMESPACE. */
export function nameUuid(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One election's line in an entry: how far the count came and who led. */
function electionLine(e: FeedElection, name: string): string {
  const progress = `${sentenceCase(name)}: ${formatInteger(e.ACTAS_CONTABILIZADAS)} de ${formatInteger(e.ACTAS_ESPERADAS)} actas contabilizadas (${formatPercent(e.PORCENTAJE_ACTAS_CONTABILIZADAS)}), participación ciudadana ${formatPercent(e.PORCENTAJE_PARTICIPACION_CIUDADANA)}.`;
  const { leader } = e;
  if (leader === null) return `${progress} Todavía no hay votos contabilizados.`;
  const who = displayName(leader.name);
  const share = `${formatPercent(leader.share)} (${formatInteger(leader.votes)} votos)`;
  return `${progress} ${leader.tied ? `Empate en el primer lugar; ${who} tiene ${share}.` : `Va adelante ${who} con ${share}.`}`;
}

/** The Atom feed of `feed`'s cuts; `siteUrl` (an origin, sitemap.ts's checkSiteUrl) makes its links absolute. */
export function cutsAtom(feed: CutsFeed, siteUrl: string | null): string {
  const newest = feed.cuts[0];
  if (newest === undefined) throw new RangeError('an Atom feed of cuts needs at least one cut');
  const { entity, drill } = feed;
  const url = (path: string): string => escapeXml((siteUrl ?? '') + path);
  const names = new Map(feed.elections.map((e) => [e.code, e.name]));
  const idOf = (stamp: string | null): string => nameUuid(`prep/${entity.id}/${entity.year}${drill ? '/simulacro' : ''}${stamp === null ? '' : `/${stamp}`}`);
  const prefix = drill ? 'SIMULACRO · ' : '';
  const site = `PREP ${displayName(entity.name, { single: 'word' })} ${entity.year}`;
  const entry = (cut: FeedCut): string => {
    const lines = [
      ...(drill ? ['SIMULACRO: datos de prueba, no son resultados de ninguna elección.'] : []),
      ...cut.elections.map((e) => electionLine(e, names.get(e.code) ?? e.code)),
      'Resultados preliminares, sin efectos jurídicos.',
    ];
    const zip = cut.databases?.zip;
    return (
      '<entry>\n' +
      `<id>${idOf(cut.stamp)}</id>\n` +
      `<title>${escapeXml(`${prefix}Corte de ${cut.label}${cut.last ? ' (último corte)' : ''}`)}</title>\n` +
      `<updated>${cut.time}</updated>\n` +
      `<published>${cut.time}</published>\n` +
      `<link rel="alternate" type="text/html" href="${url(historyPath())}"/>\n` +
      (zip === undefined ? '' : `<link rel="enclosure" type="application/zip" length="${zip.size}" href="${url(zip.path)}"/>\n`) +
      `<content type="text">${escapeXml(lines.join('\n'))}</content>\n` +
      '</entry>\n'
    );
  };
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es-MX">\n' +
    `<id>${idOf(null)}</id>\n` +
    `<title>${escapeXml(`${prefix}${site}: cortes de información`)}</title>\n` +
    `<subtitle>${escapeXml('Resultados preliminares, sin efectos jurídicos: cada corte publicado, con el avance del conteo y quién va adelante.')}</subtitle>\n` +
    `<updated>${newest.time}</updated>\n` +
    `<author><name>${escapeXml(site)}</name></author>\n` +
    `<link rel="self" type="application/atom+xml" href="${url(CUTS_ATOM_PATH)}"/>\n` +
    `<link rel="alternate" type="text/html" href="${url(homePath())}"/>\n` +
    `<link rel="alternate" type="application/json" href="${url(CUTS_JSON_PATH)}"/>\n` +
    feed.cuts.map(entry).join('') +
    '</feed>\n'
  );
}
