/**
 * The LEEME's column descriptions as data: one entry per column of the results file (in the
 * writer's order) and of the CANDIDATURAS file. Adding a column is adding one entry here; an
 * entry may expand to several columns (an election's vote columns) or depend on the election
 * (district or municipality level, its acta types, its parties and coalitions).
 */
import type { CoalitionLayout } from '../config/electionLayout.ts';
import { TIPOS_CASILLA } from '../model/casillaKey.ts';
import { SIN_ACTA_REASONS, type SinActaReason } from '../model/sinActa.ts';
import { OBS, OBS_SEPARATOR } from '../rules/observaciones.ts';
import { NOT_APPLICABLE, SIN_ACTA, TEXT_PREFIX } from './csvCell.ts';
import { ID_WIDTHS, UBICACION_FUERA_DE_CATALOGO } from './resultsCsv.ts';
import { ENTITY_WIDE_UNIT } from './candidaturasCsv.ts';
import type { LeemeContext } from './leemeContext.ts';
import { enumeration } from './leemeFormat.ts';

/** One allowed value of a column and what it means. */
export interface ValueDoc {
  value: string;
  meaning: string;
}

/** One column: its name, what it holds, its allowed values. */
export interface ColumnDoc {
  name: string;
  meaning: string;
  values?: readonly ValueDoc[];
  /** Further paragraphs, after the values. */
  notes?: readonly string[];
  /** A key or zero-padded identifier, written with a leading apostrophe. */
  identifier?: boolean;
  /** A vote field (VOTE_VALUES) or a count written on the acta (COUNT_VALUES), described once for all. */
  group?: 'votos' | 'conteo';
}

/** An entry of a column table: the column(s) it stands for in this election. */
export type ColumnEntry = (ctx: LeemeContext) => ColumnDoc[];

const column =
  (doc: ColumnDoc | ((ctx: LeemeContext) => ColumnDoc)): ColumnEntry =>
  (ctx) => [typeof doc === 'function' ? doc(ctx) : doc];

/** A literal value as the text shows it: in double quotes. */
export const q = (value: string): string => `"${value}"`;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Example identifiers of this entity: an extraordinaria of section 0123. */
export function examples(ctx: LeemeContext): { casilla: string; acta: string; tipoActa: string; entidad: string } {
  const entidad = pad(ctx.entity.id, ID_WIDTHS.entidad);
  const casilla = `${entidad}0123E0100`;
  const tipoActa = ctx.election.config.actaTypes[0]!;
  return { casilla, acta: casilla + tipoActa, tipoActa, entidad };
}

const apostrophe = (id: string): string => TEXT_PREFIX + id;

/** "todos los distritos locales", "el distrito local 2", "los distritos locales 1 y 3". */
export function unitsText(ctx: LeemeContext, units: ReadonlySet<number> | null): string {
  if (units === null) return `todos los ${ctx.level.many}`;
  const list = [...units].sort((a, b) => a - b).map(String);
  return list.length === 1 ? `el ${ctx.level.one} ${list[0]!}` : `los ${ctx.level.many} ${enumeration(list)}`;
}

/** "el distrito local 2" or "toda la entidad" (unit 0). */
const unitText = (ctx: LeemeContext, unit: number): string => (unit === 0 ? 'toda la entidad' : `el ${ctx.level.one} ${unit}`);

/** "PAN, PRI y PRD": a coalition's parties in agreement order. */
export const coalitionMembers = (ctx: LeemeContext, c: CoalitionLayout): string =>
  enumeration(c.members.map((m) => ctx.election.layout.columns[m]!));

/** "«Fuerza y Corazón» (FUERZA: PAN, PRI y PRD)". */
export const coalitionText = (ctx: LeemeContext, c: CoalitionLayout): string => `«${c.name}» (${c.id}: ${coalitionMembers(ctx, c)})`;

// ---------------------------------------------------------------------------------------------
// Values shared by several columns.

const NA_MEANING = 'no aplica: el acta no tiene ese dato (por ejemplo, en las modalidades de voto M, A o P).';

/** What a vote field may hold (every party, combination, independent, NO_REGISTRADAS, NULOS). */
export const VOTE_VALUES: readonly ValueDoc[] = [
  { value: 'número entero', meaning: 'los votos asentados en el acta (sin separador de miles).' },
  {
    value: q('Ilegible'),
    meaning: 'la cantidad no se puede leer ni en letra ni en número. Cuenta como 0 y se anota en OBSERVACIONES.',
  },
  {
    value: q('Sin dato'),
    meaning: 'la cantidad no se escribió ni en letra ni en número. Cuenta como 0 y se anota en OBSERVACIONES.',
  },
  {
    value: q('-'),
    meaning:
      'la opción no existe en la boleta de esa casilla (por ejemplo, una combinación de una coalición que no ' +
      'compite ahí). No cuenta y no es inconsistencia.',
  },
  { value: q(SIN_ACTA), meaning: 'el acta no llegó al PREP (véanse los textos "Sin Acta" de OBSERVACIONES).' },
];

/** What a count written on the acta may hold (TOTAL_BOLETAS_SOBRANTES … TOTAL_VOTOS_ASENTADO). */
export const COUNT_VALUES: readonly ValueDoc[] = [
  { value: 'número entero', meaning: 'la cantidad asentada en el acta.' },
  { value: `${q('Ilegible')} o ${q('Sin dato')}`, meaning: 'como en los campos de votos.' },
  { value: q(NOT_APPLICABLE), meaning: NA_MEANING },
  { value: q(SIN_ACTA), meaning: 'el acta no llegó al PREP.' },
];

const SIN_ACTA_NA: ValueDoc = { value: q(NOT_APPLICABLE), meaning: 'en las actas Sin Acta (no hay documento).' };

const TIMESTAMP_NOTE = (ctx: LeemeContext): string =>
  `Formato DD/MM/AAAA HH:MM:SS, con horas de 00 a 23, en la hora oficial de la entidad ` +
  `(${ctx.entity.timeZone}, ${ctx.entity.utcOffsetLabel}); por ejemplo 02/06/${ctx.year} 21:05:09. ` +
  `Vale ${q(NOT_APPLICABLE)} en las actas Sin Acta.`;

const TIPO_CASILLA_MEANINGS: Record<(typeof TIPOS_CASILLA)[number], string> = {
  B: 'básica.',
  C: 'contigua.',
  E: 'extraordinaria.',
  S: 'especial, para electores en tránsito: no tiene lista nominal propia (LISTA_NOMINAL 0).',
  M: 'mesa de escrutinio y cómputo del voto de la ciudadanía residente en el extranjero.',
  A: 'mesa de escrutinio y cómputo del voto anticipado.',
  P: 'mesa de escrutinio y cómputo del voto de las personas en prisión preventiva.',
  V: 'voto de las personas en prisión preventiva (letra usada en 2021).',
};

// ---------------------------------------------------------------------------------------------
// OBSERVACIONES: every text the system writes (rules/observaciones.ts, model/sinActa.ts).

const INCONSISTENTE = 'Cuenta en el porcentaje de actas con inconsistencias.';

/** What each observation means: a text added to OBS without its meaning here fails to compile. */
const OBS_MEANINGS: Record<keyof typeof OBS, string> = {
  ILEGIBLE:
    'algún campo de votos es ilegible tanto en letra como en número; se captura "Ilegible" y cuenta como 0. ' +
    `El acta tiene al menos un dato legible y se contabiliza (CONTABILIZADA 1). ${INCONSISTENTE}`,
  SIN_DATO:
    'algún campo de votos no tiene cantidad ni en letra ni en número; se captura "Sin dato" y cuenta como 0. ' +
    `El acta tiene al menos un dato legible y se contabiliza (CONTABILIZADA 1). ${INCONSISTENTE}`,
  EXCEDE_LISTA_NOMINAL:
    'TOTAL_VOTOS_CALCULADO es mayor que LISTA_NOMINAL + REPRESENTANTES_PP_CI (en una casilla especial, ' +
    'que las boletas aprobadas + REPRESENTANTES_PP_CI). No se contabiliza (CONTABILIZADA 0), aunque sus ' +
    `votos se publican. Prevalece sobre cualquier otra observación. ${INCONSISTENTE}`,
  TODOS_ILEGIBLES: `todos los campos de votos son ilegibles. No se contabiliza (CONTABILIZADA 0). ${INCONSISTENTE}`,
  TODOS_VACIOS: `ningún campo de votos tiene cantidad. No se contabiliza (CONTABILIZADA 0). ${INCONSISTENTE}`,
  TODOS_ILEGIBLES_O_VACIOS:
    'ningún campo de votos tiene un dato legible: unos son ilegibles y los demás están vacíos. ' +
    `No se contabiliza (CONTABILIZADA 0). ${INCONSISTENTE}`,
  FUERA_DE_CATALOGO:
    'el acta no se puede asociar a ninguna acta del catálogo de actas esperadas: algún dato de ' +
    'identificación (sección, tipo o número de casilla, tipo de acta) falta, es ilegible o es erróneo. ' +
    'CONTABILIZADA 2; no es una acta esperada y no cuenta en ningún porcentaje.',
};

/** Why an acta is missing: a reason added to SIN_ACTA_REASONS without its meaning here fails to compile. */
const SIN_ACTA_MEANINGS: Record<SinActaReason, string> = {
  PAQUETE_NO_ENTREGADO: 'el paquete electoral no se entregó.',
  CASILLA_NO_INSTALADA: 'la casilla no se instaló.',
  SIN_SOBRE: 'el paquete se entregó sin el sobre (bolsa) del Acta PREP.',
  CONTINGENCIA_URNA: 'no hay acta por una contingencia en la urna electrónica.',
  NO_ESPECIFICADO: 'no hay Acta PREP y el sistema de captura no indicó el motivo.',
};

const SIN_ACTA_COMMON =
  `En las actas Sin Acta, los conteos, los votos y los dos totales valen ${q(SIN_ACTA)}, y de MECANISMOS_TRASLADO a ` +
  `TIPO_DOCUMENTO valen ${q(NOT_APPLICABLE)}. Si son del catálogo, tienen CONTABILIZADA 0: cuentan como actas ` +
  'capturadas y no contabilizadas, pero no en el porcentaje de actas con inconsistencias.';

/** Every OBSERVACIONES value, in the order of the rules, with its meaning. */
export function observacionesValues(): ValueDoc[] {
  const obs = (k: keyof typeof OBS): ValueDoc => ({ value: q(OBS[k]), meaning: OBS_MEANINGS[k] });
  const sinActa = (Object.keys(SIN_ACTA_MEANINGS) as SinActaReason[]).map((k) => ({
    value: q(SIN_ACTA_REASONS[k]),
    meaning: SIN_ACTA_MEANINGS[k],
  }));
  return [
    { value: '(vacío)', meaning: 'el acta se contabiliza sin observaciones (CONTABILIZADA 1).' },
    obs('ILEGIBLE'),
    obs('SIN_DATO'),
    {
      value: q(OBS.ILEGIBLE + OBS_SEPARATOR + OBS.SIN_DATO),
      meaning: `hay campos ilegibles y campos sin dato; se contabiliza (CONTABILIZADA 1). ${INCONSISTENTE}`,
    },
    obs('EXCEDE_LISTA_NOMINAL'),
    obs('TODOS_ILEGIBLES'),
    obs('TODOS_VACIOS'),
    obs('TODOS_ILEGIBLES_O_VACIOS'),
    ...sinActa,
    obs('FUERA_DE_CATALOGO'),
    {
      value: q(`<texto Sin Acta>${OBS_SEPARATOR}${OBS.FUERA_DE_CATALOGO}`),
      meaning:
        `una captura Sin Acta que además está fuera de catálogo, por ejemplo ` +
        `${q(SIN_ACTA_REASONS.CASILLA_NO_INSTALADA + OBS_SEPARATOR + OBS.FUERA_DE_CATALOGO)}. CONTABILIZADA 2.`,
    },
  ];
}

const OBSERVACIONES_NOTES: readonly string[] = [
  `Las observaciones se combinan separadas por coma y espacio (${q(OBS_SEPARATOR)}): ` +
    `${q(OBS.ILEGIBLE)} y ${q(OBS.SIN_DATO)} aparecen juntas, en ese orden, cuando el acta tiene de ambos campos; ` +
    `un texto Sin Acta precede a ${q(OBS.FUERA_DE_CATALOGO)} cuando coinciden. ` +
    `${q(OBS.EXCEDE_LISTA_NOMINAL)} prevalece: cuando el acta excede el límite no lleva otra observación. ` +
    'Los demás textos aparecen solos.',
  SIN_ACTA_COMMON,
  'Las diferencias entre la cantidad en letra y en número se resuelven en la captura y no son inconsistencias.',
];

// ---------------------------------------------------------------------------------------------
// The election's vote columns.

const voteColumns: ColumnEntry = (ctx) => {
  const layout = ctx.election.layout;
  const parties = new Set(layout.parties);
  const independents = new Set(layout.independents);
  return layout.columns.map((name, i): ColumnDoc => {
    const group = 'votos';
    if (parties.has(i)) return { name, group, meaning: `${layout.nominees.get(name)?.name ?? name}: votos para este partido.` };
    if (independents.has(i)) {
      const unit = layout.independentUnits.get(i) ?? 0;
      return {
        name,
        group,
        meaning: `${layout.nominees.get(name)?.name ?? name}: votos para esta candidatura independiente, registrada en ${unitText(ctx, unit)}.`,
      };
    }
    if (i === layout.noRegistradas) return { name, group, meaning: 'Votos para candidaturas no registradas.' };
    if (i === layout.nulos) return { name, group, meaning: 'Votos nulos.' };
    return combinationColumn(ctx, name, i);
  });
};

function combinationColumn(ctx: LeemeContext, name: string, index: number): ColumnDoc {
  const layout = ctx.election.layout;
  const owners = layout.coalitions.flatMap((c) => {
    const combo = c.combinations.find((k) => k.column === index);
    return combo === undefined ? [] : [{ c, combo }];
  });
  const members = owners[0]?.combo.members.map((m) => layout.columns[m]!) ?? name.split('_');
  const whole = owners.length > 0 && owners.every(({ c, combo }) => combo.members.length === c.members.length);
  const where = owners.map(
    ({ c }) => `de la coalición ${coalitionText(ctx, c)}, que compite en ${unitsText(ctx, c.units)}`,
  );
  return {
    name,
    group: 'votos',
    meaning:
      `Votos marcados a la vez para ${enumeration(members)}${whole ? ' (todos los partidos de la coalición)' : ''}, ` +
      `combinación ${enumeration(where, 'y')}.` +
      (owners.some(({ c }) => c.units !== null) ? ` Donde la coalición no compite, la combinación no está en la boleta (${q('-')}).` : ''),
  };
}

// ---------------------------------------------------------------------------------------------
// The results file, column by column, in the writer's order (resultsCsv.ts resultsColumns).

export const RESULTS_COLUMNS: readonly ColumnEntry[] = [
  column((ctx) => {
    const ex = examples(ctx);
    return {
      name: 'CLAVE_CASILLA',
      identifier: true,
      meaning:
        `Clave única de la casilla, de 11 caracteres: ID_ENTIDAD (${ID_WIDTHS.entidad} dígitos), SECCION ` +
        `(${ID_WIDTHS.seccion}), TIPO_CASILLA (1 letra), ID_CASILLA (${ID_WIDTHS.casilla}) y EXT_CONTIGUA ` +
        `(${ID_WIDTHS.extContigua}). Ejemplo: ${apostrophe(ex.casilla)} es la casilla extraordinaria 01 de la ` +
        `sección 0123, sin contigua (00).`,
      notes: ['En las actas fuera de catálogo es la clave tal como se capturó: puede estar incompleta o no corresponder a ninguna casilla aprobada.'],
    };
  }),
  column((ctx) => {
    const ex = examples(ctx);
    return {
      name: 'CLAVE_ACTA',
      identifier: true,
      meaning:
        `Clave única del acta: CLAVE_CASILLA seguida de TIPO_ACTA. Ejemplo: ${apostrophe(ex.acta)} es el acta ` +
        `${ex.tipoActa} de esa casilla. manifest.json la asocia con la imagen de su acta.`,
    };
  }),
  column((ctx) => ({
    name: 'ID_ENTIDAD',
    identifier: true,
    meaning:
      `Identificador de la entidad federativa (catálogo del Anexo 18.10), a ${ID_WIDTHS.entidad} dígitos: ` +
      `${apostrophe(examples(ctx).entidad)} para ${ctx.entity.name}.`,
  })),
  column((ctx) => ({ name: 'ENTIDAD', meaning: `Nombre de la entidad federativa: ${ctx.entity.name}.` })),
  column((ctx) => ({
    name: ctx.level.idColumn,
    identifier: true,
    meaning:
      `Número del ${ctx.level.one} al que pertenece la casilla, a ${ID_WIDTHS.unit} dígitos ` +
      `(por ejemplo ${apostrophe(pad(1, ID_WIDTHS.unit))}). Esta elección se cuenta por ${ctx.level.one}.`,
  })),
  column((ctx) => ({ name: ctx.level.nameColumn, meaning: `Nombre del ${ctx.level.one}.` })),
  column({
    name: 'SECCION',
    identifier: true,
    meaning: `Sección electoral de la casilla, a ${ID_WIDTHS.seccion} dígitos (por ejemplo ${apostrophe('0123')}).`,
  }),
  column({
    name: 'ID_CASILLA',
    identifier: true,
    meaning: `Número de la casilla en su sección y tipo, a ${ID_WIDTHS.casilla} dígitos (por ejemplo ${apostrophe('01')}).`,
  }),
  column({
    name: 'TIPO_CASILLA',
    meaning: 'Tipo de casilla, una letra:',
    values: TIPOS_CASILLA.map((t) => ({ value: t, meaning: TIPO_CASILLA_MEANINGS[t] })),
  }),
  column({
    name: 'EXT_CONTIGUA',
    identifier: true,
    meaning:
      `Número de casilla contigua a una extraordinaria, a ${ID_WIDTHS.extContigua} dígitos; ` +
      `${apostrophe('00')} cuando la casilla no es contigua a una extraordinaria.`,
  }),
  column({
    name: 'UBICACION_CASILLA',
    meaning: 'Ubicación de la casilla:',
    values: [
      { value: '1', meaning: 'urbana.' },
      { value: '2', meaning: 'no urbana.' },
      { value: String(UBICACION_FUERA_DE_CATALOGO), meaning: 'acta fuera de catálogo (ubicación desconocida).' },
    ],
  }),
  column((ctx) => ({
    name: 'TIPO_ACTA',
    meaning:
      'Tipo de acta; coincide con el número de acta impreso en el formato. Los tipos de acta de esta elección ' +
      `son: ${enumeration(ctx.election.config.actaTypes)}. En las actas fuera de catálogo, el tipo capturado.`,
  })),
  column({ name: 'TOTAL_BOLETAS_SOBRANTES', meaning: 'Total de boletas sobrantes (no usadas) e inutilizadas.', group: 'conteo' }),
  column({ name: 'TOTAL_PERSONAS_VOTARON', meaning: 'Total de personas que votaron.', group: 'conteo' }),
  column({
    name: 'TOTAL_REP_PARTIDO_CI_VOTARON',
    meaning:
      'Total de representantes de partidos políticos y de candidaturas independientes ante la mesa directiva de ' +
      'casilla que votaron en ella.',
    group: 'conteo',
  }),
  column({ name: 'TOTAL_VOTOS_SACADOS', meaning: 'Total de votos sacados de la urna.', group: 'conteo' }),
  voteColumns,
  column({ name: 'TOTAL_VOTOS_ASENTADO', meaning: 'Total de votos escrito en el acta.', group: 'conteo' }),
  column({
    name: 'TOTAL_VOTOS_CALCULADO',
    meaning:
      'Suma de todos los campos de votos del acta (partidos, combinaciones, candidaturas independientes, ' +
      `NO_REGISTRADAS y NULOS), calculada por el sistema: ${q('Ilegible')} y ${q('Sin dato')} suman 0 y ${q('-')} se ` +
      'ignora. Se calcula siempre, incluso cuando excede el límite del acta, y puede diferir de TOTAL_VOTOS_ASENTADO.',
    values: [
      { value: 'número entero', meaning: 'la suma.' },
      { value: q(SIN_ACTA), meaning: 'el acta no llegó al PREP.' },
    ],
  }),
  column({
    name: 'LISTA_NOMINAL',
    meaning:
      'Número de ciudadanas y ciudadanos en la lista nominal de la casilla, según el catálogo de casillas. Vale 0 ' +
      'en las casillas especiales (S), que no tienen lista nominal: su límite es el número de boletas aprobadas. ' +
      'En las actas fuera de catálogo, el dato capturado, o vacío.',
  }),
  column({
    name: 'REPRESENTANTES_PP_CI',
    meaning:
      'Número de representantes de partidos políticos y de candidaturas independientes acreditados ante la mesa ' +
      'directiva de casilla. El límite de votos del acta es LISTA_NOMINAL + REPRESENTANTES_PP_CI (en casillas ' +
      'especiales, boletas aprobadas + REPRESENTANTES_PP_CI). En las actas fuera de catálogo, el dato capturado, o vacío.',
  }),
  column({
    name: 'OBSERVACIONES',
    meaning: 'Resultado de aplicar al acta las reglas de contabilización del Anexo 13. Valores posibles:',
    values: observacionesValues(),
    notes: OBSERVACIONES_NOTES,
  }),
  column({
    name: 'CONTABILIZADA',
    meaning: 'Si el acta se contabiliza, conforme al Anexo 13 del Reglamento de Elecciones:',
    values: [
      { value: '0', meaning: 'no contabilizada; el motivo está en OBSERVACIONES.' },
      { value: '1', meaning: 'contabilizada: sus votos suman en los resultados.' },
      { value: '2', meaning: 'acta fuera de catálogo.' },
    ],
  }),
  column({
    name: 'MECANISMOS_TRASLADO',
    meaning:
      'Mecanismo aprobado por el que el paquete electoral se trasladó de la casilla al consejo, cuando las ' +
      'condiciones geográficas, de infraestructura, sociopolíticas o meteorológicas lo requieren:',
    values: [
      { value: 'D', meaning: 'dispositivo de apoyo para el traslado de presidentes de mesa directiva de casilla.' },
      { value: 'F', meaning: 'centro de recepción y traslado fijo.' },
      { value: 'I', meaning: 'centro de recepción y traslado itinerante.' },
      { value: '(vacío)', meaning: 'el traslado no usó ninguno de estos mecanismos.' },
      SIN_ACTA_NA,
    ],
  }),
  column({
    name: 'CODIGO_INTEGRIDAD',
    meaning:
      'Código de integridad de la imagen del acta: el SHA-256 del archivo de la imagen, en 64 caracteres ' +
      'hexadecimales; la imagen se publica como /actas/<CODIGO_INTEGRIDAD>.<ext>, con el código en minúsculas. ' +
      'Cualquier cambio en la imagen cambia el código; cómo comprobarlo está en el apartado de verificación.',
    values: [SIN_ACTA_NA],
  }),
  column((ctx) => ({
    name: 'FECHA_HORA_ACOPIO',
    meaning:
      'Acta digitalizada en la casilla: fecha y hora en que se digitalizó con la aplicación móvil. Acta ' +
      'digitalizada en el CATD (Centro de Acopio y Transmisión de Datos): fecha y hora en que se recibió ahí ' +
      'el sobre PREP con el acta.',
    notes: [TIMESTAMP_NOTE(ctx)],
  })),
  column((ctx) => ({
    name: 'FECHA_HORA_CAPTURA',
    meaning: 'Fecha y hora en que se capturaron los datos del acta.',
    notes: [TIMESTAMP_NOTE(ctx)],
  })),
  column((ctx) => ({
    name: 'FECHA_HORA_VERIFICACION',
    meaning: 'Fecha y hora en que se verificaron los datos capturados del acta.',
    notes: [TIMESTAMP_NOTE(ctx)],
  })),
  column({
    name: 'ORIGEN',
    meaning: 'Dónde se digitalizó el acta:',
    values: [
      { value: 'CASILLA', meaning: 'en la casilla, con la aplicación para dispositivos móviles.' },
      { value: 'CATD', meaning: 'en el Centro de Acopio y Transmisión de Datos.' },
      SIN_ACTA_NA,
    ],
  }),
  column({
    name: 'DIGITALIZACION',
    meaning: 'Con qué se digitalizó el acta:',
    values: [
      { value: 'MOVIL', meaning: 'aplicación de digitalización para dispositivos móviles.' },
      { value: 'ESCANER', meaning: 'escáner.' },
      { value: 'URNA', meaning: 'votación recibida en urna electrónica.' },
      SIN_ACTA_NA,
    ],
  }),
  column({
    name: 'TIPO_DOCUMENTO',
    meaning: 'Qué documento se digitalizó, tal como lo informa el sistema de captura:',
    values: [
      { value: 'ACTA PREP', meaning: 'el Acta PREP.' },
      { value: 'RPP', meaning: 'copia del acta de escrutinio y cómputo de una representación de partido político.' },
      { value: 'CC', meaning: 'copia obtenida del consejo.' },
      { value: 'PPC', meaning: 'copia de una representación de partido político obtenida del consejo.' },
      { value: 'ACTA VRME', meaning: 'acta del voto de la ciudadanía residente en el extranjero.' },
      { value: 'ACTA VA', meaning: 'acta del voto anticipado.' },
      { value: 'ACTA VPPP', meaning: 'acta del voto de las personas en prisión preventiva.' },
      { value: 'ACTA UE', meaning: 'acta de urna electrónica.' },
      SIN_ACTA_NA,
    ],
  }),
];

// ---------------------------------------------------------------------------------------------
// The CANDIDATURAS file (candidaturasCsv.ts candidaturasColumns).

const nomineeValues = (ctx: LeemeContext): ValueDoc[] => {
  const layout = ctx.election.layout;
  return [
    ...layout.parties.map((p) => {
      const id = layout.columns[p]!;
      return { value: id, meaning: `${layout.nominees.get(id)?.name ?? id} (partido).` };
    }),
    ...layout.coalitions.map((c) => ({ value: c.id, meaning: `${c.name} (coalición de ${coalitionMembers(ctx, c)}).` })),
    ...layout.independents.map((i) => {
      const id = layout.columns[i]!;
      return { value: id, meaning: `${layout.nominees.get(id)?.name ?? id} (candidatura independiente).` };
    }),
  ];
};

export const CANDIDATURAS_COLUMNS: readonly ColumnEntry[] = [
  column((ctx) => ({
    name: 'ID_ENTIDAD',
    identifier: true,
    meaning: `Identificador de la entidad, a ${ID_WIDTHS.entidad} dígitos: ${apostrophe(examples(ctx).entidad)}.`,
  })),
  column((ctx) => ({
    name: ctx.level.idColumn,
    identifier: true,
    meaning:
      `Número del ${ctx.level.one} donde compite la candidatura, a ${ID_WIDTHS.unit} dígitos ` +
      `(${apostrophe(pad(1, ID_WIDTHS.unit))}); ${ENTITY_WIDE_UNIT}, sin apóstrofo, cuando la candidatura es de ` +
      'toda la entidad.',
  })),
  column((ctx) => ({
    name: ctx.level.nameColumn,
    meaning: `Nombre del ${ctx.level.one}; el de la entidad cuando la candidatura es de toda la entidad (${ENTITY_WIDE_UNIT}).`,
  })),
  column((ctx) => ({
    name: 'PARTIDO_CI',
    meaning: 'Quién postula: un partido, una coalición o una candidatura independiente. En esta elección:',
    values: nomineeValues(ctx),
  })),
  column({ name: 'CANDIDATURA', meaning: 'Nombre de la persona candidata.' }),
];

/** The columns a table stands for in this election, in order. */
export const expandColumns = (table: readonly ColumnEntry[], ctx: LeemeContext): ColumnDoc[] => table.flatMap((entry) => entry(ctx));
