import { z } from 'zod';
import { ExportLimitsSchema } from '../import/exportLimits.ts';
import { electionZipName, masterZipName, zipNameProblem } from '../databases/fileNames.ts';

/** A name that is also a CSV column: upper-case letters, digits and underscores. */
const ColumnId = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'must be upper-case letters, digits and underscores, starting with a letter');

const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a color like #1a2b3c');

/** An image file the site shows (an emblem, a photograph), relative to the configuration file. */
const SiteImageRef = z
  .string()
  .regex(/\.(svg|png|jpe?g|webp)$/i, 'must be an image file ending in .svg, .png, .jpg, .jpeg or .webp')
  .describe('Image file relative to the configuration file (SVG, PNG, JPEG or WebP, at most 256 KiB)');

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const EntitySchema = z.strictObject({
  id: z.int().min(0).max(32).describe('INE entity number (ID_ENTIDAD), 1–32; 0 for a federal (national) publication'),
  name: z.string().min(1).describe('Entity name as printed in the databases, e.g. GUERRERO'),
  abbreviation: z.string().regex(/^[A-Z]{2,6}$/).describe('Used in file names, e.g. GRO'),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as America/Mexico_City'),
  utcOffsetLabel: z
    .string()
    .regex(/^UTC[+-]\d{1,2}$/, 'must look like UTC-6')
    .describe('The offset printed next to every cut time, e.g. UTC-6'),
});

export const PartySchema = z.strictObject({
  id: ColumnId.describe('Column name in the databases, e.g. PAN'),
  name: z.string().min(1),
  color: Color,
  emblem: SiteImageRef.optional().describe('The party\'s emblem, shown beside its name on the site'),
});

/** Largest share a coalition agreement may give one party: weights, not only percentages (33.34 % is 3334). */
export const MAX_SHARE = 1_000_000;

export const DistributionSchema = z
  .union([
    z.literal('equal').describe('Equal parts, the remainder one vote at a time to the members with the most votes of their own (LGIPE art. 311)'),
    z
      .strictObject({
        shares: z
          .record(ColumnId, z.int().min(1).max(MAX_SHARE))
          .describe('Each member\'s share as the agreement sets it, e.g. { MORENA: 50, PT: 25, PVEM: 25 }: percentages or any whole weights'),
      })
      .describe('Shares set by the coalition or candidatura común agreement'),
  ])
  .describe('How the votes of each combination column are distributed among its member parties');

export const CoalitionSchema = z.strictObject({
  id: ColumnId.describe('Identifier of the candidatura, used in CANDIDATURAS and on the site'),
  name: z.string().min(1),
  members: z
    .array(ColumnId)
    .min(2)
    .describe('Member parties in the order of the coalition agreement; combination columns follow it'),
  units: z
    .union([z.literal('all'), z.array(z.int().min(1)).min(1)])
    .default('all')
    .describe('Districts or municipalities where the coalition runs'),
  emblem: SiteImageRef.optional().describe('The coalition\'s emblem, shown beside its name on the site'),
  distribution: DistributionSchema.default('equal'),
});

export const IndependentSchema = z.strictObject({
  id: ColumnId.describe('Column name, e.g. CAND_IND_1'),
  name: z.string().min(1),
  color: Color,
  unit: z.int().min(0).describe('District or municipality where the candidacy runs (0: the whole entity)'),
  emblem: SiteImageRef.optional().describe('The candidacy\'s emblem, shown beside its name on the site'),
});

export const CandidaturaSchema = z.strictObject({
  unit: z.int().min(0).describe('District or municipality (0 for an entity-wide election)'),
  nominee: ColumnId.describe('A party, coalition or independent id'),
  candidate: z.string().min(1),
  photo: SiteImageRef.optional().describe('The candidate\'s photograph, shown in the headline when the candidatura leads'),
});

/** Where an election's map comes from: a GeoJSON or TopoJSON file of its districts or municipios. */
export const MapSchema = z.strictObject({
  file: z
    .string()
    .min(1)
    .describe('GeoJSON FeatureCollection or TopoJSON Topology of the units, in longitude/latitude (WGS 84), relative to the configuration file'),
  key: z.string().min(1).describe('Property of each feature that holds its district or municipio number, e.g. DISTRITO_L or MUNICIPIO'),
  object: z.string().min(1).optional().describe('TopoJSON only: the object holding the units; may be left out when the topology has one object'),
  withoutElection: z
    .array(z.int().min(1))
    .default([])
    .describe('Units drawn on the map that do not hold this election (e.g. municipios that elect by usos y costumbres): shown as such, without results'),
  page: z
    .enum(['auto', 'overview', 'own'])
    .default('auto')
    .describe('Where the map is shown: on the election\'s overview page, on a page of its own that the overview links to (/eleccion/<CODE>/mapa/), or auto: on its own page above 150 units, to keep the overview light'),
});

export const ElectionSchema = z.strictObject({
  code: ColumnId.describe('Short code used in file names, e.g. DIP_LOC, AYUN, GUB'),
  name: z.string().min(1).describe('Name printed on the first line of the results file'),
  level: z.enum(['distrito', 'municipio']).describe('Geography level the election is counted by'),
  actaTypes: z.array(z.string().regex(/^[A-Z0-9]{1,8}$/)).min(1).describe('TIPO_ACTA codes of this election'),
  parties: z.array(ColumnId).optional().describe('Parties on this ballot, in ballot order; all when omitted'),
  coalitions: z.array(CoalitionSchema).default([]),
  independents: z.array(IndependentSchema).default([]),
  candidaturas: z.array(CandidaturaSchema).default([]),
  catalogue: z
    .string()
    .min(1)
    .optional()
    .describe('CSV of expected actas, relative to the configuration file; when omitted, the export is its own catalogue'),
  boletasEspecial: z
    .int()
    .min(0)
    .default(1000)
    .describe('Ballots approved for each casilla especial, used only when there is no catalogue CSV'),
  notRunningZero: z
    .enum(['keep', 'dash'])
    .optional()
    .describe(
      'A 0 captured in the column of a coalition combination or an independent where it does not run: keep publishes it as 0, dash as "-" (option not on the ballot); unset keeps it and warns',
    ),
  map: MapSchema.optional().describe('The map of the election\'s districts or municipios on its overview page (docs/site.md); no map when omitted'),
});

const IsoInstant = z.iso.datetime({ offset: true });

export const ScheduleSchema = z
  .strictObject({
    start: IsoInstant.describe('First cut, with its UTC offset, e.g. 2024-06-02T20:00:00-06:00'),
    dataUpdatesPerHour: z.int().min(3, 'Anexo 13 requires at least 3 data updates per hour').max(60),
    databaseUpdatesPerHour: z.int().min(3, 'Anexo 13 requires at least 3 database updates per hour').max(60),
    end: IsoInstant.describe('Last cut; at most 24 hours after the start'),
  })
  .superRefine((s, ctx) => {
    const span = Date.parse(s.end) - Date.parse(s.start);
    if (span <= 0) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after the start' });
    else if (span > 24 * 3600_000)
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'publication lasts at most 24 hours from the start',
        params: { expected: `${sameOffsetPlusDay(s.start)} or earlier` },
      });
  });

/** The instant 24 hours after an ISO time, written with the same UTC offset. */
function sameOffsetPlusDay(iso: string): string {
  const offset = /([+-]\d{2}):?(\d{2})$/.exec(iso);
  const minutes = offset ? Math.sign(Number(offset[1])) * (Math.abs(Number(offset[1])) * 60 + Number(offset[2])) : 0;
  const wall = new Date(Date.parse(iso) + minutes * 60_000 + 24 * 3600_000).toISOString().slice(0, 19);
  return offset ? `${wall}${offset[1]}:${offset[2]}` : `${wall}Z`;
}

export const SigningKeySchema = z
  .strictObject({
    file: z.string().min(1).optional().describe('Path of a PEM (PKCS#8) Ed25519 private key, relative to the configuration file'),
    env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional().describe('Name of an environment variable holding the PEM private key'),
    simulatorTestKey: z
      .literal(true)
      .optional()
      .describe('Sign with the public, NOT SECRET simulator test key (drills on synthetic data only)'),
  })
  .refine((k) => [k.file, k.env, k.simulatorTestKey].filter((v) => v !== undefined).length === 1, 'give exactly one of file, env or simulatorTestKey');

const MASTER_ZIP_PLACEHOLDERS = ['stamp', 'entity'];
const ELECTION_ZIP_PLACEHOLDERS = ['stamp', 'election', 'entity'];

/** A ZIP name template: one visible file name ending in .zip, using only the given placeholders. */
function zipName(placeholders: string[]) {
  const expected = `one file name ending in .zip, such as ${placeholders.map((p) => `{${p}}`).join('_')}.zip`;
  return z.string().superRefine((template, ctx) => {
    const problem = zipNameProblem(template, placeholders);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, params: { expected } });
  });
}

export const DatabasesSchema = z.strictObject({
  delimiter: z.enum([',', '|']).default(',').describe('Field separator of the results and CANDIDATURAS files (2024: comma; earlier years: pipe)'),
  signingKey: SigningKeySchema.describe('Ed25519 key that signs each cut\'s manifest; the key itself never enters the repository'),
  masterZipName: zipName(MASTER_ZIP_PLACEHOLDERS)
    .default('{stamp}_PREP_{entity}.zip')
    .describe('Name of the cut\'s ZIP: {stamp} YYYYMMDD_HHMM, {entity} the abbreviation; one file name ending in .zip'),
  electionZipName: zipName(ELECTION_ZIP_PLACEHOLDERS)
    .default('{stamp}_PREP_{election}_{entity}.zip')
    .describe('Name of each election\'s ZIP inside it, {election} its code; one file name ending in .zip'),
});

export type DatabasesConfig = z.output<typeof DatabasesSchema>;

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    entity: EntitySchema,
    year: z.int().min(2000).max(2100),
    parties: z.array(PartySchema).min(1).describe('Every party, in ballot order'),
    elections: z.array(ElectionSchema).min(1),
    schedule: ScheduleSchema,
    databases: DatabasesSchema.optional().describe('How each cut\'s databases are written and signed (required to publish)'),
    exportLimits: ExportLimitsSchema.optional().describe('Caps on the capture export\'s records and fields (defaults far above any real export)'),
    drill: z
      .boolean()
      .default(false)
      .describe('A drill (simulacro): every page, database file name and CSV title says SIMULACRO, pages are noindex, and a target holding the real night refuses it'),
  })
  .superRefine(checkReferences);

export type Config = z.output<typeof ConfigSchema>;
export type ElectionConfig = z.output<typeof ElectionSchema>;
export type PartyConfig = z.output<typeof PartySchema>;
export type CoalitionConfig = z.output<typeof CoalitionSchema>;
export type MapConfig = z.output<typeof MapSchema>;

type Ctx = z.RefinementCtx;

function duplicates(values: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return dup;
}

function checkUnique(ctx: Ctx, path: (string | number)[], ids: string[], what: string): void {
  for (const id of duplicates(ids)) ctx.addIssue({ code: 'custom', path, message: `${what} "${id}" is defined twice` });
}

function checkReferences(config: z.output<typeof ConfigSchema>, ctx: Ctx): void {
  const partyIds = config.parties.map((p) => p.id);
  checkUnique(ctx, ['parties'], partyIds, 'party');
  checkUnique(ctx, ['elections'], config.elections.map((e) => e.code), 'election');
  checkZipNamesDistinct(config, ctx);
  const known = new Set(partyIds);
  const list = partyIds.join(', ');
  config.elections.forEach((election, e) => {
    const on = election.parties ?? partyIds;
    on.forEach((id, i) => {
      if (!known.has(id))
        ctx.addIssue({ code: 'custom', path: ['elections', e, 'parties', i], message: 'unknown party', params: { expected: `one of ${list}` } });
    });
    const onBallot = new Set(on);
    election.coalitions.forEach((c, k) => {
      c.members.forEach((m, i) => {
        if (!onBallot.has(m))
          ctx.addIssue({
            code: 'custom',
            path: ['elections', e, 'coalitions', k, 'members', i],
            message: 'not a party on this ballot',
            params: { expected: `one of ${on.join(', ')}` },
          });
      });
      checkUnique(ctx, ['elections', e, 'coalitions', k, 'members'], c.members, 'member');
      checkShares(ctx, ['elections', e, 'coalitions', k, 'distribution', 'shares'], c);
    });
    const nominees = [...on, ...election.coalitions.map((c) => c.id), ...election.independents.map((c) => c.id)];
    checkUnique(ctx, ['elections', e], nominees, 'party, coalition or independent id');
    const nomineeSet = new Set(nominees);
    election.candidaturas.forEach((c, k) => {
      if (!nomineeSet.has(c.nominee))
        ctx.addIssue({
          code: 'custom',
          path: ['elections', e, 'candidaturas', k, 'nominee'],
          message: 'unknown nominee',
          params: { expected: 'a party, coalition or independent of this election' },
        });
    });
    checkUnique(ctx, ['elections', e, 'actaTypes'], election.actaTypes, 'acta type');
    checkCoalitionOverlap(ctx, e, election);
  });
}

/**
 * The cut's ZIP and each election's must have names of their own, or one would overwrite another:
 * compared filled in (and without case, as on the file systems the downloads land on).
 */
function checkZipNamesDistinct(config: z.output<typeof ConfigSchema>, ctx: Ctx): void {
  const db = config.databases;
  // A template refused on its own has its message already, and cannot be filled in.
  if (db === undefined || zipNameProblem(db.masterZipName, MASTER_ZIP_PLACEHOLDERS) || zipNameProblem(db.electionZipName, ELECTION_ZIP_PLACEHOLDERS)) return;
  const stamp = '20240602_2000';
  const entity = config.entity.abbreviation;
  const named = new Map<string, string>([[masterZipName(db, stamp, entity).toLowerCase(), 'the cut\'s ZIP (masterZipName)']]);
  for (const e of config.elections) {
    const name = electionZipName(db, stamp, e.code, entity);
    const other = named.get(name.toLowerCase());
    if (other !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['databases', 'electionZipName'],
        message: `gives ${e.code}'s ZIP the name ${name}, already taken by ${other}`,
        params: { expected: 'a name of its own for every ZIP: {election} in electionZipName, and a different pattern from masterZipName' },
      });
      return;
    }
    named.set(name.toLowerCase(), `${e.code}'s ZIP`);
  }
}

/** Shares name every member of the coalition, and nothing else: a member without one could not be given votes. */
function checkShares(ctx: Ctx, path: (string | number)[], coalition: z.output<typeof CoalitionSchema>): void {
  if (coalition.distribution === 'equal') return;
  const shares = coalition.distribution.shares;
  const expected = `a share for each member: ${coalition.members.join(', ')}`;
  for (const id of Object.keys(shares))
    if (!coalition.members.includes(id)) ctx.addIssue({ code: 'custom', path: [...path, id], message: 'not a member of this coalition', params: { expected } });
  const missing = coalition.members.filter((m) => shares[m] === undefined);
  if (missing.length > 0) ctx.addIssue({ code: 'custom', path, message: `no share for ${missing.join(', ')}`, params: { expected } });
}

/** A party can be in only one coalition in a given unit, or its combination votes would count twice. */
function checkCoalitionOverlap(ctx: Ctx, e: number, election: z.output<typeof ElectionSchema>): void {
  const cs = election.coalitions;
  for (let a = 0; a < cs.length; a++)
    for (let b = a + 1; b < cs.length; b++) {
      const shared = cs[a]!.members.filter((m) => cs[b]!.members.includes(m));
      if (shared.length === 0) continue;
      const ua = cs[a]!.units;
      const ub = cs[b]!.units;
      const common = ua === 'all' ? ub : ub === 'all' ? ua : ua.filter((u) => ub.includes(u));
      if (common === 'all' || common.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['elections', e, 'coalitions', b, 'units'],
          message: `coalitions ${cs[a]!.id} and ${cs[b]!.id} share ${shared.join(', ')} in ${common === 'all' ? 'every unit' : `units ${common.join(', ')}`}`,
        });
    }
}
