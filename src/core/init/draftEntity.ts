import { cutIso } from '../schedule/cutLabel.ts';
import { entityById, entityByName, entityInFileName, type EntityInfo } from './entities.ts';
import { valuesOf, type ExportLook, type ReviewNote } from './exportLook.ts';
import type { HeaderColumn } from './columnRoles.ts';
import { foldedName } from './columnName.ts';

export interface DraftEntity {
  entity: { id: number; name: string; abbreviation: string; timeZone: string; utcOffsetLabel: string };
  year: number;
  schedule: { start: string; dataUpdatesPerHour: number; databaseUpdatesPerHour: number; end: string };
  notes: ReviewNote[];
}

const fieldColumn = (columns: readonly HeaderColumn[], field: string): number =>
  columns.findIndex((c) => c.role.kind === 'field' && c.role.field === field);

/** The entity the rows name: ID_ENTIDAD, CLAVE_CASILLA's first two digits, the entity's name, else the catalogue's. */
function entityOfRows(look: ExportLook, columns: readonly HeaderColumn[]): { entity: EntityInfo; from: string } | undefined {
  const byId = valuesOf(look.survey, fieldColumn(columns, 'entidad')).map(([v]) => entityById(Number(v))).find((e) => e !== undefined);
  if (byId) return { entity: byId, from: columns[fieldColumn(columns, 'entidad')]!.name };
  const key = fieldColumn(columns, 'claveCasilla');
  const byKey = key === -1 ? undefined : look.survey.columns[key]!.samples.map((s) => entityById(Number(s.slice(0, 2)))).find((e) => e !== undefined);
  if (byKey) return { entity: byKey, from: `the first digits of ${columns[key]!.name}` };
  const nameColumn = look.header.findIndex((h) => ['ENTIDAD', 'ESTADO', 'NOMBRE_ESTADO', 'NOMBRE_ENTIDAD'].includes(foldedName(h)));
  const byName = valuesOf(look.survey, nameColumn).map(([v]) => entityByName(v)).find((e) => e !== undefined);
  if (byName) return { entity: byName, from: look.header[nameColumn]! };
  const cat = look.catalogue;
  const catId = cat === undefined ? -1 : cat.header.findIndex((h) => foldedName(h) === 'ID_ENTIDAD');
  const byCatalogue = cat === undefined ? undefined : valuesOf(cat.survey, catId).map(([v]) => entityById(Number(v))).find((e) => e !== undefined);
  return byCatalogue ? { entity: byCatalogue, from: "the catalogue's ID_ENTIDAD" } : undefined;
}

/** The first year 20YY a date (DD/MM/YYYY) of the preamble or the rows gives, else the file name. */
function yearOf(look: ExportLook): { year: number; from: string } | undefined {
  const texts = [...look.preamble.flat(), ...look.survey.columns.flatMap((c) => c.samples)];
  for (const t of texts) {
    const m = /\b\d{1,2}\/\d{1,2}\/(20\d{2})\b/.exec(t);
    if (m) return { year: Number(m[1]), from: `the date ${m[0]} in the file` };
  }
  const m = /(?:^|\D)(20\d{2})(?:\D|$)/.exec(look.fileName);
  return m ? { year: Number(m[1]), from: `the file name ${look.fileName}` } : undefined;
}

/** A placeholder the review note asks to replace: ID_ENTIDAD 0 builds keys that still count, without a catalogue. */
const UNKNOWN_ENTITY: EntityInfo = { id: 0, name: 'ENTIDAD', abbreviation: 'ENT', timeZone: 'America/Mexico_City', aliases: [] };

/** Election day by law (LGIPE art. 22 and the local codes): the first Sunday of June. */
function firstSundayOfJune(year: number): number {
  for (let day = 1; ; day++) if (new Date(Date.UTC(year, 5, day)).getUTCDay() === 0) return day;
}

/** `±HH:MM` of a zone at an instant. */
const offsetAt = (at: number, timeZone: string): string => cutIso(at, timeZone).slice(-6);

/**
 * The entity, the year and a publication schedule to start from: the 20:00 start of
 * election night in the entity's own time, 3 updates of each kind per hour, 24 hours.
 */
export function draftEntity(look: ExportLook, columns: readonly HeaderColumn[]): DraftEntity {
  const notes: ReviewNote[] = [];
  const fromRows = entityOfRows(look, columns);
  const fromName = fromRows === undefined ? entityInFileName(look.fileName) : undefined;
  const info = fromRows?.entity ?? fromName ?? UNKNOWN_ENTITY;
  if (fromRows === undefined)
    notes.push({
      path: ['entity'],
      text:
        fromName === undefined
          ? 'REVIEW: the file does not say which entity it is (no ID_ENTIDAD, CLAVE_CASILLA or entity name, nor a name in the file name): set id, name, abbreviation and timeZone'
          : `REVIEW: the entity is taken from the file name ${look.fileName} (the rows have no ID_ENTIDAD, CLAVE_CASILLA or entity name)`,
    });

  const found = yearOf(look);
  const year = found?.year ?? 2024;
  if (found === undefined) notes.push({ path: ['year'], text: 'REVIEW: no date in the file nor a year in its name: set the election year' });
  else if (found.from.startsWith('the file name')) notes.push({ path: ['year'], text: `REVIEW: from ${found.from}` });

  const day = firstSundayOfJune(year);
  const offset = offsetAt(Date.UTC(year, 5, day, 20 + 6), info.timeZone);
  const date = (d: number): string => `${year}-06-${String(d).padStart(2, '0')}T20:00:00${offset}`;
  const hours = Number(offset.slice(0, 3));
  notes.push({
    path: ['schedule'],
    text: `REVIEW: the council's agreement sets the schedule; this one starts at 20:00 on the first Sunday of June ${year}, with 3 data and 3 database updates per hour (the Anexo 13 minimum) for 24 hours`,
  });
  return {
    entity: { id: info.id, name: info.name, abbreviation: info.abbreviation, timeZone: info.timeZone, utcOffsetLabel: `UTC${hours < 0 ? '-' : '+'}${Math.abs(hours)}` },
    year,
    schedule: { start: date(day), dataUpdatesPerHour: 3, databaseUpdatesPerHour: 3, end: date(day + 1) },
    notes,
  };
}
