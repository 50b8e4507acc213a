import { describe, expect, it } from 'vitest';
import { NOTHING_PUBLISHED, WAITING_REFRESH_SECONDS, waitingInfo, waitingPageHtml } from '../../../src/core/site/waitingPage.ts';

const info = { title: 'PREP GUERRERO 2024', firstCut: '02/06/2024 20:00 (UTC-6)', everyMinutes: 20, drill: false };

describe('waitingPageHtml', () => {
  it('says no cut is live yet, when the first comes and how often, and reloads itself every minute without JavaScript', () => {
    const html = waitingPageHtml(info);
    expect(html).toMatch(/^<!doctype html><html lang="es-MX">/);
    expect(html).toContain(`<meta http-equiv="refresh" content="${WAITING_REFRESH_SECONDS}">`);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`<h1>${NOTHING_PUBLISHED}</h1>`);
    expect(html).toContain('Primer corte de información: <strong>02/06/2024 20:00 (UTC-6)</strong>; después, uno cada 20 minutos.');
    expect(html).toContain('<title>PREP GUERRERO 2024 · Aún no hay resultados</title>');
    expect(html).not.toMatch(/<script|SIMULACRO|https?:/);
    expect(WAITING_REFRESH_SECONDS).toBe(60);
  });

  it('marks a drill as such, in the title and a banner', () => {
    const html = waitingPageHtml({ ...info, drill: true });
    expect(html).toContain('<title>SIMULACRO · PREP GUERRERO 2024');
    expect(html).toContain('<section class="drill" aria-label="Simulacro"><strong>SIMULACRO</strong>');
  });

  it('without the night, says only that nothing is published yet; small enough for the CloudFront Function', () => {
    const html = waitingPageHtml();
    expect(html).toContain(NOTHING_PUBLISHED);
    expect(html).not.toContain('Primer corte de información');
    expect(Buffer.byteLength(html)).toBeLessThan(2048);
  });

  it('escapes what comes from the configuration', () => {
    expect(waitingPageHtml({ ...info, title: 'PREP <B&B> "X"' })).toContain('PREP &lt;B&amp;B&gt; &quot;X&quot;');
  });
});

describe('waitingInfo', () => {
  it('takes the entity, year, first cut and interval from the configuration', () => {
    const config = {
      entity: { id: 12, name: 'GUERRERO', abbreviation: 'GRO', timeZone: 'America/Mexico_City', utcOffsetLabel: 'UTC-6' },
      year: 2024,
      schedule: { start: '2024-06-02T20:00:00-06:00', end: '2024-06-03T20:00:00-06:00', dataUpdatesPerHour: 3, databaseUpdatesPerHour: 1 },
      drill: true,
    };
    expect(waitingInfo(config as Parameters<typeof waitingInfo>[0])).toEqual({ title: 'PREP Guerrero 2024', firstCut: '02/06/2024 20:00 (UTC-6)', everyMinutes: 20, drill: true });
  });
});
