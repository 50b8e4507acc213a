import { describe, expect, it } from 'vitest';
import { captureNdjson } from '../../src/sim/captureExport.ts';
import { captureColumns } from '../../src/sim/captureNdjson.ts';
import { SIN_ACTA_REASONS } from '../../src/core/model/sinActa.ts';
import { parseClaveCasilla } from '../../src/core/model/casillaKey.ts';
import { guerrero } from './helpers.ts';

const rows = [...captureNdjson(guerrero)];
const parsed = rows.map((line) => JSON.parse(line) as Record<string, unknown>);
const layoutOf = new Map(guerrero.elections.map((e) => [e.spec.code, e.layout]));
const TIMESTAMP = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;
const REASON_TEXTS = new Set<string>(Object.values(SIN_ACTA_REASONS));

/** Local wall-clock seconds of a timestamp, for ordering (same zone throughout). */
const wall = (text: unknown): number => {
  const m = TIMESTAMP.exec(String(text))!;
  return Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!, +m[4]!, +m[5]!, +m[6]!);
};

describe('captureNdjson(sim) — the capture export format', () => {
  it('writes one JSON object per line, each ending in \\n', () => {
    for (const line of rows) {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.indexOf('\n')).toBe(line.length - 1);
    }
  });

  it("uses exactly the election's keys, in order: ELECCION, CLAVE_CASILLA, TIPO_ACTA, the layout's vote columns, the rest", () => {
    for (const r of parsed) expect(Object.keys(r)).toEqual(captureColumns(layoutOf.get(r.ELECCION as string)!));
  });

  it('gives every vote field an integer or "Ilegible", "Sin dato", "-" (or "SIN ACTA")', () => {
    const bad: string[] = [];
    for (const r of parsed) {
      const layout = layoutOf.get(r.ELECCION as string)!;
      const sin = r.TOTAL_VOTOS_ASENTADO === 'SIN ACTA';
      for (const c of [...layout.columns, 'TOTAL_VOTOS_ASENTADO', 'TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON', 'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS']) {
        const v = r[c];
        const ok = sin ? v === 'SIN ACTA' : typeof v === 'number' ? Number.isInteger(v) && v >= 0 : v === 'Ilegible' || v === 'Sin dato' || v === '-';
        if (!ok) bad.push(`${r.CLAVE_CASILLA} ${c}=${JSON.stringify(v)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('writes sin acta records with a reason in OBSERVACIONES and N/A in the capture fields', () => {
    const sin = parsed.filter((r) => r.TOTAL_VOTOS_ASENTADO === 'SIN ACTA');
    expect(sin.length).toBeGreaterThan(0);
    for (const r of sin) {
      expect(REASON_TEXTS.has(r.OBSERVACIONES as string)).toBe(true);
      for (const k of ['MECANISMOS_TRASLADO', 'CODIGO_INTEGRIDAD', 'FECHA_HORA_ACOPIO', 'FECHA_HORA_CAPTURA', 'FECHA_HORA_VERIFICACION', 'ORIGEN', 'DIGITALIZACION', 'TIPO_DOCUMENTO'])
        expect(r[k]).toBe('N/A');
    }
  });

  it('writes captured records with the capture fields filled and consistent', () => {
    const bad: string[] = [];
    for (const r of parsed) {
      if (r.TOTAL_VOTOS_ASENTADO === 'SIN ACTA') continue;
      const ok =
        r.OBSERVACIONES === '' &&
        ['', 'D', 'F', 'I'].includes(r.MECANISMOS_TRASLADO as string) &&
        /^[0-9a-f]{64}$/.test(r.CODIGO_INTEGRIDAD as string) &&
        r.TIPO_DOCUMENTO === 'ACTA PREP' &&
        ((r.ORIGEN === 'CASILLA' && r.DIGITALIZACION === 'MOVIL') || (r.ORIGEN === 'CATD' && r.DIGITALIZACION === 'ESCANER')) &&
        wall(r.FECHA_HORA_ACOPIO) < wall(r.FECHA_HORA_CAPTURA) &&
        wall(r.FECHA_HORA_CAPTURA) < wall(r.FECHA_HORA_VERIFICACION);
      if (!ok) bad.push(JSON.stringify(r));
    }
    expect(bad).toEqual([]);
  });

  it('writes well-formed keys and the acta types of each election', () => {
    for (const r of parsed) {
      expect(parseClaveCasilla(r.CLAVE_CASILLA as string)).toBeDefined();
      const types = guerrero.config.elections.find((e) => e.code === r.ELECCION)!.actaTypes;
      expect(types).toContain(r.TIPO_ACTA);
    }
  });

  it('orders records by verification time, then CLAVE_CASILLA + TIPO_ACTA', () => {
    const night = guerrero.night;
    const bad: number[] = [];
    for (let k = 1; k < parsed.length; k++) {
      const a = parsed[k - 1]!;
      const b = parsed[k]!;
      const sameTime = night.arrival[k - 1] === night.arrival[k];
      if (night.arrival[k - 1]! > night.arrival[k]! || (sameTime && `${a.CLAVE_CASILLA}${a.TIPO_ACTA}` >= `${b.CLAVE_CASILLA}${b.TIPO_ACTA}`)) bad.push(k);
    }
    expect(bad).toEqual([]);
  });

  it('writes the verification time in the entity time zone (UTC-6): the first records arrive after 20:00 on election night', () => {
    const first = parsed.find((r) => r.FECHA_HORA_VERIFICACION !== 'N/A')!;
    expect(first.FECHA_HORA_VERIFICACION).toMatch(/^02\/06\/2024 20:/);
  });
});
