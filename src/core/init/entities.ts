import { foldText } from '../model/foldText.ts';

/** One of the 32 entities as INE numbers, names and abbreviates it, with the IANA zone of its official time. */
export interface EntityInfo {
  id: number;
  name: string;
  abbreviation: string;
  timeZone: string;
  /** Other names seen in files (folded): official long names, the former Distrito Federal. */
  aliases: readonly string[];
}

const MX = 'America/Mexico_City';

/** INE's entity numbers (ID_ENTIDAD); zones as of 2023 (no daylight saving but on the US border). */
export const ENTITIES: readonly EntityInfo[] = [
  { id: 1, name: 'AGUASCALIENTES', abbreviation: 'AGS', timeZone: MX, aliases: [] },
  { id: 2, name: 'BAJA CALIFORNIA', abbreviation: 'BC', timeZone: 'America/Tijuana', aliases: [] },
  { id: 3, name: 'BAJA CALIFORNIA SUR', abbreviation: 'BCS', timeZone: 'America/Mazatlan', aliases: [] },
  { id: 4, name: 'CAMPECHE', abbreviation: 'CAMP', timeZone: MX, aliases: [] },
  { id: 5, name: 'COAHUILA', abbreviation: 'COAH', timeZone: MX, aliases: ['COAHUILA DE ZARAGOZA'] },
  { id: 6, name: 'COLIMA', abbreviation: 'COL', timeZone: MX, aliases: [] },
  { id: 7, name: 'CHIAPAS', abbreviation: 'CHIS', timeZone: MX, aliases: [] },
  { id: 8, name: 'CHIHUAHUA', abbreviation: 'CHIH', timeZone: 'America/Chihuahua', aliases: [] },
  { id: 9, name: 'CIUDAD DE MEXICO', abbreviation: 'CDMX', timeZone: MX, aliases: ['DISTRITO FEDERAL', 'CDMX'] },
  { id: 10, name: 'DURANGO', abbreviation: 'DGO', timeZone: MX, aliases: [] },
  { id: 11, name: 'GUANAJUATO', abbreviation: 'GTO', timeZone: MX, aliases: [] },
  { id: 12, name: 'GUERRERO', abbreviation: 'GRO', timeZone: MX, aliases: [] },
  { id: 13, name: 'HIDALGO', abbreviation: 'HGO', timeZone: MX, aliases: [] },
  { id: 14, name: 'JALISCO', abbreviation: 'JAL', timeZone: MX, aliases: [] },
  { id: 15, name: 'MEXICO', abbreviation: 'MEX', timeZone: MX, aliases: ['ESTADO DE MEXICO', 'EDOMEX'] },
  { id: 16, name: 'MICHOACAN', abbreviation: 'MICH', timeZone: MX, aliases: ['MICHOACAN DE OCAMPO'] },
  { id: 17, name: 'MORELOS', abbreviation: 'MOR', timeZone: MX, aliases: [] },
  { id: 18, name: 'NAYARIT', abbreviation: 'NAY', timeZone: 'America/Mazatlan', aliases: [] },
  { id: 19, name: 'NUEVO LEON', abbreviation: 'NL', timeZone: 'America/Monterrey', aliases: [] },
  { id: 20, name: 'OAXACA', abbreviation: 'OAX', timeZone: MX, aliases: [] },
  { id: 21, name: 'PUEBLA', abbreviation: 'PUE', timeZone: MX, aliases: [] },
  { id: 22, name: 'QUERETARO', abbreviation: 'QRO', timeZone: MX, aliases: ['QUERETARO DE ARTEAGA'] },
  { id: 23, name: 'QUINTANA ROO', abbreviation: 'QROO', timeZone: 'America/Cancun', aliases: [] },
  { id: 24, name: 'SAN LUIS POTOSI', abbreviation: 'SLP', timeZone: MX, aliases: [] },
  { id: 25, name: 'SINALOA', abbreviation: 'SIN', timeZone: 'America/Mazatlan', aliases: [] },
  { id: 26, name: 'SONORA', abbreviation: 'SON', timeZone: 'America/Hermosillo', aliases: [] },
  { id: 27, name: 'TABASCO', abbreviation: 'TAB', timeZone: MX, aliases: [] },
  { id: 28, name: 'TAMAULIPAS', abbreviation: 'TAMPS', timeZone: 'America/Monterrey', aliases: [] },
  { id: 29, name: 'TLAXCALA', abbreviation: 'TLAX', timeZone: MX, aliases: [] },
  { id: 30, name: 'VERACRUZ', abbreviation: 'VER', timeZone: MX, aliases: ['VERACRUZ DE IGNACIO DE LA LLAVE'] },
  { id: 31, name: 'YUCATAN', abbreviation: 'YUC', timeZone: 'America/Merida', aliases: [] },
  { id: 32, name: 'ZACATECAS', abbreviation: 'ZAC', timeZone: MX, aliases: [] },
];

export const entityById = (id: number): EntityInfo | undefined => ENTITIES.find((e) => e.id === id);

/** The entity a name means (ENTIDAD column, a title), any case or accents. */
export function entityByName(name: string): EntityInfo | undefined {
  const folded = foldText(name);
  return ENTITIES.find((e) => e.name === folded || e.aliases.includes(folded));
}

/**
 * The entity a file name names, in words of its own (`CDMX_GUB_2024.csv`,
 * `cdmx-2024-jefatura-de-gobierno.csv`); the longest name wins (BAJA CALIFORNIA SUR over
 * BAJA CALIFORNIA); undefined unless exactly one does.
 */
export function entityInFileName(fileName: string): EntityInfo | undefined {
  const joined = ` ${foldText(fileName.replace(/\.[^.]*$/, '')).split(/[^A-Z]+/).filter((w) => w !== '').join(' ')} `;
  const longest = (e: EntityInfo): number => Math.max(0, ...[e.abbreviation, e.name, ...e.aliases].filter((n) => joined.includes(` ${n} `)).map((n) => n.length));
  const best = Math.max(...ENTITIES.map(longest));
  const hits = ENTITIES.filter((e) => best > 0 && longest(e) === best);
  return hits.length === 1 ? hits[0] : undefined;
}
