import { describe, expect, it } from 'vitest';
import { assertNoPlaceholder, checkCutValues, CUT_PLACEHOLDERS, escapeHtml, fillCut, type CutValues } from '../../../src/core/site/cutPlaceholders.ts';

const VALUES: CutValues = { stamp: '20240602_2340', label: '02/06/2024 23:40 (UTC-6)', time: '2024-06-02T23:40:00-06:00', files: '/datos/20240602_2340/' };
const P = CUT_PLACEHOLDERS;
const page = `<title>Inicio · Corte ${P.label}</title><meta name="prep-cut" content="${P.stamp}"><time datetime="${P.time}">${P.label}</time><a href="${P.files}actas/1.jpg">acta</a>`;

describe('fillCut(html, values, where)', () => {
  it('puts each value where its placeholder is, every time it appears', () => {
    expect(fillCut(page, VALUES, 'page /')).toBe(
      '<title>Inicio · Corte 02/06/2024 23:40 (UTC-6)</title><meta name="prep-cut" content="20240602_2340"><time datetime="2024-06-02T23:40:00-06:00">02/06/2024 23:40 (UTC-6)</time><a href="/datos/20240602_2340/actas/1.jpg">acta</a>',
    );
  });

  it.each([
    ['a label with markup characters', { label: `<b>"A" & 'B'</b>` }, `<b>"A" & 'B'</b>`, '&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;'],
    ['a folder with an ampersand and a quote', { files: `/d&"/` }, `/d&"/`, '/d&amp;&quot;/'],
  ])('escapes %s for HTML text and quoted attributes alike', (_what, change, raw, escaped) => {
    const filled = fillCut(`<meta content="${P.stamp}"><p title="${P.label}${P.files}">${P.label}${P.files}</p>`, { ...VALUES, ...change }, 'page /');
    // Once in the attribute, once in the text.
    expect(filled.split(escaped)).toHaveLength(3);
    expect(filled).not.toContain(raw);
  });

  it.each([
    ['a page without the stamp placeholder (stale, or filled already)', `<p>${P.label}</p>`, /holds no cut placeholder: it was not rendered for this build/],
    ['an unknown placeholder', `${P.stamp}{{prep:cut-moon}}`, /page \/x holds an unknown placeholder \{\{prep:cut-moon\}\}/],
    ['a page linking the cut files of a site without them', `${P.stamp}<a href="${P.files}a.jpg">`, /links the cut's files, but this site does not publish them/],
  ])('refuses %s', (_what, html, message) => {
    expect(() => fillCut(html, { ...VALUES, files: null }, 'page /x')).toThrow(message);
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
