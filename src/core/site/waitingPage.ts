/**
 * The page visitors get before the night's first cut is live (with HTTP 503 and Retry-After):
 * styled like the site, readable on a phone, with the schedule when it is known, and reloading
 * itself every minute through `<meta http-equiv="refresh">` — no JavaScript, so it works on
 * every phone and the visitor never has to press reload to see the first results.
 *
 * Self-contained (inline style, no image, no script) and small: it is served by `prep serve`
 * from `<target>/espera.html` and embedded in the CloudFront Function, whose code must stay
 * under 10 KB.
 */
import { cutLabel } from '../schedule/cutLabel.ts';
import { displayName } from './displayName.ts';
import type { Config } from '../config/schema.ts';

/** The page's headline, which tests and monitors look for. */
export const NOTHING_PUBLISHED = 'Aún no hay resultados publicados';

/** Seconds between reloads: about a cut's time to go live, and no load on the site to speak of. */
export const WAITING_REFRESH_SECONDS = 60;

/** What the page says of the night; without it, it says only that no cut is published yet. */
export interface WaitingInfo {
  /** `PREP GUERRERO 2024`. */
  title: string;
  /** The first cut's label, `02/06/2024 20:00 (UTC-6)`. */
  firstCut: string;
  /** Minutes between cuts. */
  everyMinutes: number;
  drill: boolean;
}

/** What a configuration tells the waiting page. */
export function waitingInfo(config: Pick<Config, 'entity' | 'year' | 'schedule' | 'drill'>): WaitingInfo {
  const { entity, schedule } = config;
  return {
    title: `PREP ${displayName(entity.name, { single: 'word' })} ${config.year}`,
    firstCut: cutLabel(Date.parse(schedule.start), entity.timeZone, entity.utcOffsetLabel),
    everyMinutes: 60 / schedule.dataUpdatesPerHour,
    drill: config.drill,
  };
}

const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The site's colours (src/site/styles/site.css), light and dark as the reader's scheme. */
const STYLE =
  ':root{color-scheme:light dark;--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--accent:#7a1f3d;--drill-bg:#5c0a0a}' +
  '@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--muted:#b4b9bf;--bg:#15171a;--accent:#6a1a35;--drill-bg:#6e0e0e}}' +
  'body{margin:0;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);background:var(--bg)}' +
  'header{background:var(--accent);color:#fff;padding:.75rem 1rem;font-weight:700}' +
  '.drill{background:var(--drill-bg);color:#fff;padding:.75rem 1rem;margin:0;text-align:center}' +
  'main{padding:1rem;max-width:40rem;margin:0 auto}h1{font-size:1.5rem;line-height:1.25}.muted{color:var(--muted);font-size:1rem}';

/** The page, as UTF-8 HTML. */
export function waitingPageHtml(info?: WaitingInfo): string {
  const title = info ? escape(info.title) : 'PREP';
  // A landmark of its own, like the site's banner: no text outside one.
  const drill = info?.drill ? '<section class="drill" aria-label="Simulacro"><strong>SIMULACRO</strong>: ensayo con datos de prueba, no son resultados de ninguna elección.</section>' : '';
  const schedule = info
    ? `<p>Primer corte de información: <strong>${escape(info.firstCut)}</strong>; después, uno cada ${info.everyMinutes} minutos.</p>`
    : '';
  return (
    `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="refresh" content="${WAITING_REFRESH_SECONDS}"><meta name="robots" content="noindex">` +
    `<title>${info?.drill ? 'SIMULACRO · ' : ''}${title} · Aún no hay resultados</title><style>${STYLE}</style></head>` +
    `<body>${drill}<header>${title} · Programa de Resultados Electorales Preliminares</header><main>` +
    `<h1>${NOTHING_PUBLISHED}</h1>${schedule}` +
    `<p class="muted">Esta página se actualiza sola cada minuto: los resultados aparecerán aquí en cuanto se publique el primer corte.</p>` +
    `</main></body></html>\n`
  );
}
