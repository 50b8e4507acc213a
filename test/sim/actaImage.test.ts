import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { actaImageTemplate, renderActaImage } from '../../src/sim/actaImage.ts';
import { codigoIntegridad } from '../../src/sim/integrity.ts';
import { ILEGIBLE, NO_APLICA, SIN_DATO } from '../../src/core/model/voteCell.ts';
import { guerrero, guerreroRecords } from './helpers.ts';

const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).digest('hex');
const records = guerreroRecords();

describe('acta images (SVG, the default)', () => {
  it('have CODIGO_INTEGRIDAD = SHA-256 of the exact SVG bytes, for every captured acta', () => {
    const bad = records.filter((r) => r.sinActa === null && (r.image!.ext !== 'svg' || r.codigoIntegridad !== sha256(r.image!.bytes))).map((r) => r.claveActa);
    expect(bad).toEqual([]);
  });

  it('are absent for sin acta records', () => {
    for (const r of records.filter((x) => x.sinActa !== null)) {
      expect(r.image).toBeNull();
      expect(r.codigoIntegridad).toBeNull();
    }
  });

  it('are unique per acta', () => {
    const hashes = records.filter((r) => r.image !== null).map((r) => r.codigoIntegridad);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('show the election, the acta key and the fields as captured', () => {
    const r = records.find((x) => x.fate === 'ILEGIBLE_Y_SIN_DATO')!;
    const svg = r.image!.bytes.toString('utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>\n')).toBe(true);
    expect(svg).toContain(r.claveActa);
    expect(svg).toContain(guerrero.config.elections.find((e) => e.code === r.election)!.name);
    expect(svg).toContain('>Ilegible<');
    expect(svg).toContain('>Sin dato<');
  });
});

describe('renderActaImage(template, acta)', () => {
  const layout = guerrero.elections[0]!.layout;
  const acta = (votes: number[]) => ({
    claveActa: '120001B0100A02',
    place: ['GUERRERO · DISTRITO 1 X & Y', 'SECCIÓN 1 · CASILLA B01'] as const,
    votes: Int32Array.from(votes),
    totals: { totalAsentado: 10, boletasSobrantes: 5, personasVotaron: 10, repVotaron: 1, votosSacados: 10 },
  });
  const votes = layout.columns.map((_, j) => (j === 0 ? ILEGIBLE : j === 1 ? SIN_DATO : j < 9 ? 3 : NO_APLICA));

  it('is deterministic, and its hash is the one-shot SHA-256 of its text', () => {
    const a = renderActaImage(actaImageTemplate(layout, 2024), acta(votes));
    const b = renderActaImage(actaImageTemplate(layout, 2024), acta(votes));
    expect(a).toEqual(b);
    expect(a.codigoIntegridad).toBe(codigoIntegridad(a.svg));
    expect(a.codigoIntegridad).toBe(sha256(a.svg));
  });

  it('reuses the head of a ballot shape without changing the result', () => {
    const template = actaImageTemplate(layout, 2024);
    const first = renderActaImage(template, acta(votes));
    renderActaImage(template, acta(votes.map((v) => (v === NO_APLICA ? 0 : v))));
    expect(renderActaImage(template, acta(votes))).toEqual(first);
  });

  it('leaves out options that are not on the ballot and escapes text for XML', () => {
    const { svg } = renderActaImage(actaImageTemplate(layout, 2024), acta(votes));
    expect(svg).not.toContain('PAN + PRI + PRD');
    expect(svg).toContain('X &amp; Y');
    expect(svg).not.toContain('X & Y');
  });
});
