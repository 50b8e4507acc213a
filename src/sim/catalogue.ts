import { claveActaOf, type CatalogueEntry } from '../core/model/catalogueEntry.ts';
import type { SimulatedElection, Simulation } from './simulation.ts';
import { casillaKeyOf, claveCasillaOf, ESPECIAL } from './territory/territory.ts';

/** The catalogue row of the election's i-th expected acta (catalogue order is key order). */
export function catalogueEntry(sim: Simulation, e: SimulatedElection, i: number): CatalogueEntry {
  const t = sim.territory;
  const c = e.casillas[i]!;
  const s = t.casillas.section[c]!;
  const district = t.districts[t.sections.district[s]! - 1]!;
  const municipio = t.municipios[t.sections.municipio[s]!]!;
  const claveCasilla = claveCasillaOf(t, c);
  const tipoActa = e.spec.actaTypes[t.casillas.tipo[c] === ESPECIAL ? 1 : 0];
  const byDistrict = e.spec.level === 'distrito';
  return {
    claveCasilla,
    claveActa: claveActaOf(claveCasilla, tipoActa),
    casilla: casillaKeyOf(t, c),
    tipoActa,
    unit: byDistrict ? district.id : municipio.id,
    unitName: byDistrict ? district.name : municipio.name,
    idDistrito: district.id,
    distrito: district.name,
    idMunicipio: municipio.id,
    municipio: municipio.name,
    ubicacion: t.sections.ubicacion[s]!,
    listaNominal: t.casillas.listaNominal[c]!,
    representantes: t.casillas.representantes[c]!,
    boletas: t.casillas.boletas[c]!,
  };
}

/** Every expected acta of an election, generated one at a time (the national catalogues are large). */
export function* catalogueEntries(sim: Simulation, code: string): Generator<CatalogueEntry> {
  const e = electionNamed(sim, code);
  for (let i = 0; i < e.casillas.length; i++) yield catalogueEntry(sim, e, i);
}

/** The catalogue of an election as an array. */
export function catalogue(sim: Simulation, code: string): CatalogueEntry[] {
  return [...catalogueEntries(sim, code)];
}

/** The simulated election with this code; throws on an unknown code (a programming error). */
export function electionNamed(sim: Simulation, code: string): SimulatedElection {
  const e = sim.elections.find((x) => x.spec.code === code);
  if (e === undefined) throw new RangeError(`no election ${code} in preset ${sim.preset.name}`);
  return e;
}
