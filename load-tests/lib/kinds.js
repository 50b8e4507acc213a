// @ts-check
/**
 * The kinds of request, as `prep size` names them (src/core/size/siteProfile.ts): every
 * request is tagged with one, and each has its own latency threshold.
 */
export const PAGE_KINDS = /** @type {const} */ (['home', 'election', 'unit', 'section', 'other']);
export const KINDS = /** @type {const} */ ([...PAGE_KINDS, 'acta', 'json', 'zip', 'asset', 'pointer']);

/** @typedef {typeof KINDS[number]} Kind */
/** @typedef {typeof PAGE_KINDS[number]} PageKind */

const SECTION = /^\/eleccion\/[A-Z][A-Z0-9_]*\/(?:distrito|municipio)\/\d+\/seccion\/\d+\/$/;
const UNIT = /^\/eleccion\/[A-Z][A-Z0-9_]*\/(?:distrito|municipio)\/\d+\/$/;
const ELECTION = /^\/eleccion\/[A-Z][A-Z0-9_]*\/$/;

/**
 * The kind of a page by its path, as the site's URL scheme builds them (pagePaths.ts):
 * `/`, `/eleccion/<CODE>/`, its district or municipio, its section; any other page is `other`.
 * @param {string} path
 * @returns {PageKind}
 */
export function pageKindOf(path) {
  if (path === '/') return 'home';
  if (ELECTION.test(path)) return 'election';
  if (UNIT.test(path)) return 'unit';
  if (SECTION.test(path)) return 'section';
  return 'other';
}
