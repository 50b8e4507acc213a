import { describe, expect, it } from 'vitest';
import { cacheFigures, parseLogLines, percentile } from '../../../src/adapters/load/accessLog.ts';

/** Lines as scripts/cdn/nginx.conf.template's `edge` and `origin` formats write them. */
const line = (status: number, cache: string, seconds: string, uri: string): string => `1795453904.230\t${status}\t${cache}\t${seconds}\t170\tGET\t${uri}`;

describe('parseLogLines', () => {
  it('reads status, cache status, request time and URI; skips partial lines', () => {
    const text = [line(200, 'HIT', '0.000', '/'), line(404, '-', '0.012', '/nope?x=1'), '1795453904.230\t200\tHIT', ''].join('\n');
    expect(parseLogLines(text)).toEqual([
      { status: 200, cache: 'HIT', requestTime: 0, uri: '/' },
      { status: 404, cache: '-', requestTime: 0.012, uri: '/nope?x=1' },
    ]);
  });
});

describe('cacheFigures', () => {
  const edge = parseLogLines(
    [
      line(200, 'MISS', '0.020', '/'),
      line(200, 'HIT', '0.000', '/'),
      line(200, 'HIT', '0.001', '/'),
      line(200, 'UPDATING', '0.000', '/corte.json'),
      line(200, 'STALE', '0.000', '/corte.json'),
      line(200, 'EXPIRED', '0.030', '/corte.json'),
      line(200, 'REVALIDATED', '0.010', '/eleccion/GUB/'),
      line(200, 'MISS', '0.040', '/eleccion/GUB/distrito/1/seccion/7/'),
    ].join('\n'),
  );
  const origin = parseLogLines([line(200, '-', '0.019', '/'), line(200, '-', '0.029', '/corte.json'), line(304, '-', '0.009', '/eleccion/GUB/')].join('\n'));
  const figures = cacheFigures(edge, origin, '20240602_2100');

  it('counts HIT, STALE and UPDATING as served by the edge, and the rest as waiting for the origin', () => {
    expect(figures.edgeRequests).toBe(8);
    expect(figures.byStatus).toEqual({ MISS: 2, HIT: 2, UPDATING: 1, STALE: 1, EXPIRED: 1, REVALIDATED: 1 });
    expect(figures.hits).toBe(4);
    expect(figures.hitRatio).toBe(4 / 8);
  });

  it('relates the requests that reached the origin to the edge requests', () => {
    expect(figures.originRequests).toBe(3);
    expect(figures.originRatio).toBe(3 / 8);
  });

  it('breaks the edge down by kind, in the kinds’ order', () => {
    expect(figures.byKind.map((k) => [k.kind, k.requests, k.hitRatio])).toEqual([
      ['home', 3, 2 / 3],
      ['election', 1, 0],
      ['section', 1, 0],
      ['pointer', 3, 2 / 3],
    ]);
    expect(figures.byKind.find((k) => k.kind === 'pointer')!.p95Ms).toBe(30);
  });

  it('has no ratio without requests', () => {
    expect(cacheFigures([], [], '20240602_2100').hitRatio).toBeNaN();
  });
});

describe('percentile', () => {
  it.each([
    [50, 5],
    [95, 10],
    [99, 10],
    [10, 1],
  ])('p%i of 1..10 is %i (nearest rank)', (p, value) => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p)).toBe(value);
  });
});
