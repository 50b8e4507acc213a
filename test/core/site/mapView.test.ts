import { describe, expect, it } from 'vitest';
import { mapView, MAP_PATTERNS } from '../../../src/core/site/mapView.ts';
import type { MapPaths } from '../../../src/core/site/mapPaths.ts';
import type { UnitItem } from '../../../src/core/site/pageData.ts';
import type { Leader } from '../../../src/core/site/childProgress.ts';
import { displayName } from '../../../src/core/site/displayName.ts';

const leader = (id: string, share: string, tied = false, color = '#a6192e'): Leader => ({ id, name: id === 'FCG' ? 'FUERZA Y CORAZÓN POR GUERRERO' : id, color, colors: [color], candidate: null, votes: 10, share, tied });
/** A unit with `counted` actas contabilizadas and participation `p`. */
const unit = (n: number, lead: Leader | null, p = '60.0000', counted = 3): UnitItem => ({
  unit: n,
  name: n === 1 ? 'ACAPULCO DE JUÁREZ' : `LUGAR ${n}`,
  path: `/eleccion/AYUN/municipio/${n}/`,
  ACTAS_ESPERADAS: 10,
  ACTAS_CAPTURADAS: counted,
  ACTAS_CONTABILIZADAS: counted,
  PORCENTAJE_ACTAS_CONTABILIZADAS: '30.0000',
  PORCENTAJE_PARTICIPACION_CIUDADANA: p,
  TOTAL_VOTOS_C_CS: 100,
  leader: lead,
});
/** Units named as the pages name them (unitTitle in src/site/lib/site.ts). */
const label = (what: string) => (u: UnitItem): string => `${what} ${u.unit} · ${displayName(u.name, { single: 'word' })}`;
const paths = (units: number[], without: number[] = []): MapPaths => ({
  width: 640,
  height: 400,
  units: units.map((u) => ({ unit: u, d: `M${u} 0l1 0 0 1z` })),
  withoutElection: without.map((u) => ({ unit: u, d: `M${u} 9l1 0 0 1z` })),
});

describe('mapView(paths, units, label)', () => {
  it('names every area in words: unit, leader and %, participation; links it to its page', () => {
    const v = mapView(paths([1, 2, 3, 4]), [unit(1, leader('MORENA', '45.1234'), '61.2345'), unit(2, leader('FCG', '30.0000', true)), unit(3, null, '0.0000', 0), unit(4, null, '12.0000', 2)], label('Municipio'));
    expect(v.areas.map((a) => [a.path, a.name])).toEqual([
      ['/eleccion/AYUN/municipio/1/', 'Municipio 1 · Acapulco de Juárez: MORENA, 45.1234\u00a0%; participación 61.2345\u00a0%'],
      ['/eleccion/AYUN/municipio/2/', 'Municipio 2 · Lugar 2: empate en el primer lugar, Fuerza y Corazón por Guerrero, 30.0000\u00a0%; participación 60.0000\u00a0%'],
      ['/eleccion/AYUN/municipio/3/', 'Municipio 3 · Lugar 3: sin actas contabilizadas'],
      ['/eleccion/AYUN/municipio/4/', 'Municipio 4 · Lugar 4: sin votos contabilizados; participación 12.0000\u00a0%'],
    ]);
    expect(v.areas.map((a) => a.leader)).toEqual([{ kind: 'leader', key: 0 }, { kind: 'tied' }, { kind: 'none' }, { kind: 'none' }]);
    expect([v.tied, v.none]).toEqual([1, 2]);
  });

  it('keys the leading candidaturas by the units they lead, each with a pattern of its own and marks that show on its colour', () => {
    const units = [
      ...[1, 2, 3].map((n) => unit(n, leader('MORENA', '40.0000', false, '#a6192e'))),
      ...[4, 5].map((n) => unit(n, leader('PVEM', '40.0000', false, '#50b747'))),
      unit(6, leader('MC', '40.0000', false, '#ff8300')),
    ];
    const v = mapView(paths([1, 2, 3, 4, 5, 6]), units, label('Municipio'));
    expect(v.leaders).toEqual([
      { id: 'MORENA', name: 'MORENA', color: '#a6192e', colors: ['#a6192e'], pattern: 0, ink: 'light', units: 3 },
      { id: 'PVEM', name: 'PVEM', color: '#50b747', colors: ['#50b747'], pattern: 1, ink: 'dark', units: 2 },
      { id: 'MC', name: 'MC', color: '#ff8300', colors: ['#ff8300'], pattern: 2, ink: 'dark', units: 1 },
    ]);
    expect(v.areas.map((a) => a.leader)).toEqual([0, 0, 0, 1, 1, 2].map((key) => ({ kind: 'leader', key })));
  });

  it('repeats patterns only after MAP_PATTERNS leaders', () => {
    const units = Array.from({ length: MAP_PATTERNS + 1 }, (_, i) => unit(i + 1, leader(`P${String.fromCharCode(65 + i)}`, '40.0000')));
    expect(mapView(paths(units.map((u) => u.unit)), units, label('Distrito')).leaders.map((l) => l.pattern)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0]);
  });

  it('classes participation between round thresholds, light to dark, and counts the units of each class', () => {
    const ps = ['48.2000', '51.0000', '55.0000', '59.9999', '63.5000', '71.0000'];
    const v = mapView(paths([1, 2, 3, 4, 5, 6, 7]), [...ps.map((p, i) => unit(i + 1, leader('A', '50.0000'), p)), unit(7, null, '0.0000', 0)], label('Distrito'));
    expect(v.participation.map(({ from, to, label, units }) => ({ from, to, label, units }))).toEqual([
      { from: null, to: 50, label: 'menos de 50\u00a0%', units: 1 },
      { from: 50, to: 55, label: 'de 50\u00a0% a menos de 55\u00a0%', units: 1 },
      { from: 55, to: 60, label: 'de 55\u00a0% a menos de 60\u00a0%', units: 2 },
      { from: 60, to: 65, label: 'de 60\u00a0% a menos de 65\u00a0%', units: 1 },
      { from: 65, to: 70, label: 'de 65\u00a0% a menos de 70\u00a0%', units: 0 },
      { from: 70, to: null, label: '70\u00a0% o más', units: 1 },
    ]);
    expect(v.participation.map((c) => c.color)).toEqual(['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c']);
    expect(v.areas.map((a) => a.participationClass)).toEqual([0, 1, 2, 2, 3, 5, null]);
    expect(v.noParticipation).toBe(1);
  });

  it('has one class when every unit has the same participation, and none before any acta is counted', () => {
    expect(mapView(paths([1, 2]), [unit(1, null, '55.5000'), unit(2, null, '55.5000')], label('Distrito')).participation.map((c) => c.label)).toEqual(['55.5\u00a0%']);
    expect(mapView(paths([1]), [unit(1, null, '0.0000', 0)], label('Distrito')).participation).toEqual([]);
  });

  it('lists the units without a shape (too small to draw), and passes on the shapes without election', () => {
    const v = mapView(paths([1], [9]), [unit(1, null), unit(2, null)], label('Municipio'));
    expect(v.areas.map((a) => a.unit)).toEqual([1]);
    expect(v.missing).toEqual(['Municipio 2 · Lugar 2']);
    expect(v.withoutElection).toEqual(['M9 9l1 0 0 1z']);
  });
});
