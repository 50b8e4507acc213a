import { describe, expect, it } from 'vitest';
import { cutFragmentHtml, type CutFragmentInput } from '../../../src/core/site/cutFragment.ts';

const live: CutFragmentInput = {
  stamp: '20240602_2340',
  label: '02/06/2024 23:40 (UTC-6)',
  time: '2024-06-02T23:40:00-06:00',
  last: false,
  drill: false,
  entity: { name: 'Guerrero', year: 2024 },
};

/** The text a reader sees: tags dropped, spaces collapsed. */
const text = (html: string): string => /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

describe('cutFragmentHtml', () => {
  it('names the live cut, with its instant, in a link that opens the home page in the whole tab', () => {
    const html = cutFragmentHtml(live);
    expect(text(html)).toBe('Corte vigente: 02/06/2024 23:40 (UTC-6)');
    expect(html).toContain('<a href="/" target="_top">Corte vigente: <time datetime="2024-06-02T23:40:00-06:00"><strong>02/06/2024 23:40 (UTC-6)</strong></time></a>');
    expect(html).toContain('<meta name="prep-cut" content="20240602_2340">');
    expect(html).toContain('<title>Corte vigente · PREP Guerrero 2024</title>');
    expect(html).toMatch(/^<!doctype html>\n<html lang="es-MX">/);
  });

  it('needs nothing else: no script, no stylesheet, no image, one inline style', () => {
    const html = cutFragmentHtml(live);
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=/);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(Buffer.byteLength(html)).toBeLessThan(1500);
  });

  it('says SIMULACRO in a drill and marks the last cut', () => {
    const html = cutFragmentHtml({ ...live, drill: true, last: true });
    expect(text(html)).toBe('SIMULACRO Corte vigente (último): 02/06/2024 23:40 (UTC-6)');
    expect(html).toContain('<title>SIMULACRO · Corte vigente · PREP Guerrero 2024</title>');
    expect(text(cutFragmentHtml(live))).not.toMatch(/SIMULACRO|último/);
  });

  it('escapes what it is given', () => {
    const html = cutFragmentHtml({ ...live, label: '23:40 <b>"x" & y</b>', entity: { name: 'A&B <i>', year: 2024 } });
    expect(html).toContain('<strong>23:40 &lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;</strong>');
    expect(html).toContain('<title>Corte vigente · PREP A&amp;B &lt;i&gt; 2024</title>');
    expect(html).not.toContain('<b>');
  });

  it('refuses values that are not a cut’s, saying which', () => {
    expect(() => cutFragmentHtml({ ...live, stamp: '2024-06-02' })).toThrow('cut stamp "2024-06-02" is not YYYYMMDD_HHMM');
    expect(() => cutFragmentHtml({ ...live, time: '23:40' })).toThrow('cut time "23:40" is not an ISO 8601 instant with its offset');
    expect(() => cutFragmentHtml({ ...live, label: ' ' })).toThrow('the cut label is empty');
  });
});
