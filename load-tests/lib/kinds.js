// @ts-check
/**
 * The kinds of request, as `prep size` names them (src/core/size/siteProfile.ts): every
 * request is tagged with one, and each has its own thresholds.
 */
export const PAGE_KINDS = /** @type {const} */ (['home', 'election', 'unit', 'section', 'other']);
export const KINDS = /** @type {const} */ ([...PAGE_KINDS, 'acta', 'json', 'zip', 'asset', 'pointer']);

/** @typedef {typeof KINDS[number]} Kind */
