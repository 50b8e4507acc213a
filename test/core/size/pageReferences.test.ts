import { describe, expect, it } from 'vitest';
import { pageReferences } from '../../../src/core/size/pageReferences.ts';

/** A page as Astro writes it: the cut watch's props HTML-escaped in an astro-island. */
const page = (data: string | null, extra = '') =>
  `<head><meta name="prep-cut" content="20240602_2320" data-label="x"></head><body><iframe src="/corte.html"></iframe>
   <astro-island component-url="/_astro/CutWatch.A1.js" renderer-url="/_astro/client.B2.js" props="${`{"pollSeconds":[0,300],"last":[0,false],"pointer":[0,"/corte.json"],"data":[0,${data === null ? 'null' : `"${data}"`}]}`.replace(/"/g, '&quot;')}"></astro-island>${extra}</body>`;

describe('pageReferences: the cut a page shows, and the data its cut watch revalidates', () => {
  it('reads the figures cut and the data, relative or absolute, never counted as loaded with the page', () => {
    expect(pageReferences(page('datos.json'))).toMatchObject({ cut: '20240602_2320', data: 'datos.json', pollSeconds: 300, onLoad: [], live: ['corte.html', 'corte.json'] });
    expect(pageReferences(page('/buscar/datos.json'))).toMatchObject({ data: '/buscar/datos.json', onLoad: [] });
    expect(pageReferences(page(null)).data).toBeNull();
  });

  it('an island that loads JSON with the page is still on-load', () => {
    const search = '<astro-island component-url="/_astro/Search.C3.js" props="{&quot;index&quot;:[0,&quot;/buscar/datos.json&quot;]}"></astro-island>';
    expect(pageReferences(page('datos.json', search))).toMatchObject({ data: 'datos.json', onLoad: ['buscar/datos.json'] });
  });

  it('a page without the meta names no cut', () => {
    expect(pageReferences('<html><body></body></html>')).toMatchObject({ cut: null, data: null, pollSeconds: null });
  });
});
