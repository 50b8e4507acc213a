import { describe, expect, it } from 'vitest';
import { assertNoPlaceholder, checkCutValues, CUT_PLACEHOLDERS, escapeHtml, fillCut, type CutValues } from '../../../src/core/site/cutPlaceholders.ts';

const VALUES: CutValues = { stamp: '20240602_2340', label: '02/06/2024 23:40 (UTC-6)', time: '2024-06-02T23:40:00-06:00' };
const P = CUT_PLACEHOLDERS;
const page = `<title>Inicio · Corte ${P.label}</title><meta name="prep-cut" content="${P.stamp}"><time datetime="${P.time}">${P.label}</time>`;

describe('fillCut(html, values, where)', () => {
  it('puts each value where its placeholder is, every time it appears', () => {
    expect(fillCut(page, VALUES, 'page /')).toBe(
      '<title>Inicio · Corte 02/06/2024 23:40 (UTC-6)</title><meta name="prep-cut" content="20240602_2340"><time datetime="2024-06-02T23:40:00-06:00">02/06/2024 23:40 (UTC-6)</time>',
    );
  });

  it.each([
    ['a label with markup characters', { label: `<b>"A" & 'B'</b>` }, `<b>"A" & 'B'</b>`, '&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;'],
  ])('escapes %s for HTML text and quoted attributes alike', (_what, change, raw, escaped) => {
    const filled = fillCut(`<meta content="${P.stamp}"><p title="${P.label}">${P.label}</p>`, { ...VALUES, ...change }, 'page /');
    // Once in the attribute, once in the text.
    expect(filled.split(escaped)).toHaveLength(3);
    expect(filled).not.toContain(raw);
  });

  it.each([
    ['a page without the stamp placeholder (stale, or filled already)', `<p>${P.label}</p>`, /holds no cut placeholder: it was not rendered for this build/],
    ['an unknown placeholder', `${P.stamp}{{prep:cut-moon}}`, /page \/x holds an unknown placeholder \{\{prep:cut-moon\}\}/],
  ])('refuses %s', (_what, html, message) => {
    expect(() => fillCut(html, VALUES, 'page /x')).toThrow(message);
  });

  it('leaves a filled page without any placeholder text', () => {
    expect(fillCut(page, VALUES, 'page /')).not.toContain('{{prep:');
  });
});

describe('checkCutValues(values)', () => {
  it.each([
    [{ stamp: '2024-06-02' }, /cut stamp "2024-06-02" is not YYYYMMDD_HHMM/],
    [{ stamp: '20240602_2340"><script>' }, /is not YYYYMMDD_HHMM/],
    [{ time: '23:40' }, /cut time "23:40" is not an ISO 8601 instant/],
    [{ label: ' ' }, /the cut label is empty/],
  ])('refuses %j', (change, message) => {
    expect(() => checkCutValues({ ...VALUES, ...change })).toThrow(message);
  });

  it('accepts a cut', () => {
    expect(() => checkCutValues(VALUES)).not.toThrow();
  });
});

describe('assertNoPlaceholder(text, where) and escapeHtml(text)', () => {
  it('refuses text holding the placeholders’ opening', () => {
    expect(() => assertNoPlaceholder('{"name":"X {{prep:cut-label}}"}', 'the data of /')).toThrow('the data of / holds the text "{{prep:", reserved');
    expect(() => assertNoPlaceholder('{"name":"{{ otro }}"}', 'the data of /')).not.toThrow();
  });

  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });
});
