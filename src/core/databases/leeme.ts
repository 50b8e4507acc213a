/**
 * The LEEME.txt of one election at one cut: every file of the package, every column, every
 * value and every formula, in Spanish, for this election and this system. Pure: the same
 * input gives the same bytes (no clock; dates come from the cut).
 *
 * The text is assembled from sections (functions of the context), each built from the layout
 * helpers of leemeFormat.ts; columns and figures are described by the tables of
 * leemeColumns.ts and leemeSummary.ts.
 */
import type { CutDatabasesInput, ElectionCut } from './cutDatabasesInput.ts';
import { CRLF, NOT_APPLICABLE, SIN_ACTA, TEXT_PREFIX, UTF8_BOM } from './csvCell.ts';
import { MANIFEST_NAME, PUBLIC_KEY_NAME, SHA256SUMS_NAME, SIGNATURE_NAME } from './fileNames.ts';
import { leemeContext, type LeemeContext } from './leemeContext.ts';
import { blocks, enumeration, heading, item, keep, paragraph, subheading, verbatim, columns as width } from './leemeFormat.ts';
import {
  CANDIDATURAS_COLUMNS,
  RESULTS_COLUMNS,
  VOTE_VALUES,
  COUNT_VALUES,
  coalitionText,
  examples,
  expandColumns,
  q,
  unitsText,
  type ColumnDoc,
  type ValueDoc,
} from './leemeColumns.ts';
import { SUMMARY_NAMES, TRUNCATION_EXAMPLE, figureDoc, truncationExample } from './leemeSummary.ts';

export { LEEME_WIDTH, wrap } from './leemeFormat.ts';
export { RESULTS_COLUMNS, CANDIDATURAS_COLUMNS, type ColumnDoc, type ColumnEntry, type ValueDoc } from './leemeColumns.ts';


/** The verification commands, exactly as the LEEME prints them (one command per entry). */
export const VERIFY_COMMANDS = {
  sha256sums: `sha256sum -c ${SHA256SUMS_NAME}`,
  sha256sumsPartial: `sha256sum -c --ignore-missing ${SHA256SUMS_NAME}`,
  fingerprint: `openssl pkey -pubin -in ${PUBLIC_KEY_NAME} -outform DER | sha256sum`,
  /** Longer than a LEEME line: printed over two lines joined by a shell line continuation. */
  signature: `openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY_NAME} -rawin -in ${MANIFEST_NAME} -sigfile ${SIGNATURE_NAME}`,
} as const;

/** One section of the LEEME: its title and its body. */
interface Section {
  title: string;
  body: (ctx: LeemeContext) => string[];
}

const delimiterName = (d: string): string => (d === ',' ? 'coma (,)' : 'barra vertical (|)');

// ---------------------------------------------------------------------------------------------
// Rendering of column and value tables.

function valueLines(values: readonly ValueDoc[], indent: number): string[] {
  return values.flatMap((v) => item('-', `${keep(v.value)}: ${v.meaning}`, indent));
}

function columnLines(doc: ColumnDoc, n: number, labelWidth: number, indent = 2): string[] {
  const textIndent = indent + labelWidth + 1;
  const meaning =
    doc.meaning +
    (doc.identifier ? ' Se escribe con apóstrofo inicial.' : '') +
    (doc.group === 'conteo' ? ' Valores: los de los conteos (al inicio de este apartado).' : '');
  return [
    ...item(`${n}.`, `${keep(doc.name)} — ${meaning}`, indent, labelWidth),
    ...valueLines(doc.values ?? [], textIndent),
    ...(doc.notes ?? []).flatMap((note) => paragraph(note, textIndent)),
  ];
}

function columnList(docs: readonly ColumnDoc[], first = 1): string[] {
  const labelWidth = `${first + docs.length - 1}.`.length;
  return blocks(...docs.map((d, i) => columnLines(d, first + i, labelWidth)));
}

// ---------------------------------------------------------------------------------------------
// Sections.

function titleBlock(ctx: LeemeContext): string[] {
  const title = `${ctx.config.drill ? 'SIMULACRO — ' : ''}PROGRAMA DE RESULTADOS ELECTORALES PRELIMINARES ${ctx.year}`;
  const subtitle = `${ctx.entity.name} — ${ctx.election.config.name}`;
  const rule = '='.repeat(Math.min(100, Math.max(width(title), width(subtitle))));
  return blocks(
    [...paragraph(title), ...paragraph(subtitle), rule],
    [
      ...paragraph(`Descripción de la base de datos (${ctx.files.leeme}) de la elección ${ctx.election.config.name}.`),
      ...paragraph(`Corte de información: ${keep(ctx.cut.label)}.`),
    ],
    paragraph(
      `Todas las fechas y horas están en la hora oficial de ${ctx.entity.name} (zona ${ctx.entity.timeZone}, ` +
        `${ctx.entity.utcOffsetLabel}), en formato de 24 horas. México no aplica el horario de verano desde 2022.`,
    ),
    ...(ctx.config.drill
      ? [
          paragraph(
            'ESTO ES UN SIMULACRO. Los datos de este paquete provienen de un ejercicio de prueba del PREP, no ' +
              'de la jornada electoral: no son resultados de la elección.',
          ),
        ]
      : []),
    paragraph(
      'LOS RESULTADOS SON PRELIMINARES. El PREP informa los resultados de las Actas PREP recibidas hasta el ' +
        'corte; no tiene efectos jurídicos. Los resultados oficiales son los de los cómputos de los consejos ' +
        'electorales.',
    ),
    paragraph(
      'Este archivo se genera en cada corte a partir de la configuración de la elección: describe los ' +
        'archivos del paquete, cada columna y cada valor posible, las fórmulas de las cifras de resumen y cómo ' +
        'verificar la integridad de lo descargado.',
    ),
  );
}

function contents(sections: readonly Section[]): string[] {
  return ['CONTENIDO', ...sections.flatMap((s, i) => item(`${i + 1}.`, s.title, 2, `${sections.length}.`.length))];
}

function packageSection(ctx: LeemeContext): string[] {
  const f = ctx.files;
  const own = f.own;
  const others = f.all.filter((e) => e.code !== own.code);
  return blocks(
    paragraph(
      `En cada corte se publica un archivo ZIP maestro con un ZIP por elección. Los nombres llevan la fecha y ` +
        `hora del corte en la forma AAAAMMDD_HHMM, en la hora de la entidad; en este corte, ${ctx.cut.stamp}.`,
    ),
    [
      ...item('-', `${keep(f.masterZip)}: ZIP maestro del corte. Contiene:`, 2),
      ...item('-', `${keep(own.zip)}: ${own.name} (esta elección). Contiene:`, 6),
      ...item('-', `${keep(own.results)}: resultados por acta (apartados 3 a 5).`, 10),
      ...item('-', `${keep(own.candidaturas)}: candidaturas (apartado 6).`, 10),
      ...item('-', `${keep(f.leeme)}: esta descripción.`, 10),
      ...others.flatMap((e) => item('-', `${keep(e.zip)}: ${e.name}, con sus propios tres archivos.`, 6)),
    ],
    [
      ...paragraph('Cómo se forman los nombres:'),
      ...item(
        '-',
        `ZIP maestro: ${keep(f.masterTemplate)}, donde {stamp} es AAAAMMDD_HHMM del corte y {entity} la ` +
          `abreviatura de la entidad (${ctx.entity.abbreviation}).`,
        2,
      ),
      ...item('-', `ZIP de cada elección: ${keep(f.electionTemplate)}, donde {election} es la clave de la elección (${own.code}).`, 2),
      ...item('-', `Resultados: <ENT>_<ELECCION>_<AÑO>.csv, por ejemplo ${keep(own.results)}.`, 2),
      ...item('-', `Candidaturas: <ENT>_<ELECCION>_CANDIDATURAS_<AÑO>.csv, por ejemplo ${keep(own.candidaturas)}.`, 2),
    ],
    [
      ...paragraph('Además, con cada corte se publican:'),
      ...item(
        '-',
        '/actas/<CODIGO_INTEGRIDAD>.<ext>: la imagen digitalizada de cada Acta PREP, en la carpeta actas/ del ' +
          'sitio, que comparten todos los cortes (no está en la carpeta del corte ni en sus ZIP). Se nombra por su ' +
          'SHA-256, que es el CODIGO_INTEGRIDAD del acta en minúsculas; <ext> es la extensión de su formato (por ' +
          `ejemplo jpg, png o pdf). ${MANIFEST_NAME} lista las imágenes del corte: CLAVE_ACTA, ruta, tamaño y SHA-256.`,
        2,
      ),
      ...item(
        '-',
        `${SHA256SUMS_NAME}: el SHA-256 de cada archivo de la carpeta del corte, en el ` +
          'formato de sha256sum: una línea por archivo con el SHA-256 en 64 caracteres hexadecimales, dos espacios ' +
          `y la ruta del archivo relativa a la carpeta de ${SHA256SUMS_NAME}.`,
        2,
      ),
      ...item(
        '-',
        `${MANIFEST_NAME}: el manifiesto del corte, en JSON: la entidad; el identificador (${ctx.cut.stamp}), la ` +
          'fecha y hora del corte y si es el último; la ruta, el tamaño en bytes y el SHA-256 de cada archivo; y ' +
          'las 13 cifras de resumen de cada elección.',
        2,
      ),
      ...item(
        '-',
        `${SIGNATURE_NAME}: la firma digital Ed25519 (64 bytes, binaria) de ${MANIFEST_NAME}, tal como está, byte ` +
          'por byte. Prueba que el manifiesto, y con él cada archivo que lista, es el que publicó la autoridad ' +
          'electoral.',
        2,
      ),
      ...item(
        '-',
        `${PUBLIC_KEY_NAME}: la llave pública Ed25519 (formato PEM) con la que se verifica la firma. Se publica ` +
          'en el sitio, junto con su huella SHA-256 (apartado 8).',
        2,
      ),
    ],
    paragraph(
      'Los difusores republican el paquete sin modificarlo; la firma y los SHA-256 permiten a cualquiera ' +
        'comprobar que lo descargado de un difusor es idéntico a lo publicado.',
    ),
  );
}

const own = (ctx: LeemeContext): LeemeContext['files']['own'] => ctx.files.own;

function formatSection(ctx: LeemeContext): string[] {
  const d = ctx.delimiter;
  const ex = examples(ctx);
  const identifiers = [...expandColumns(RESULTS_COLUMNS, ctx), ...expandColumns(CANDIDATURAS_COLUMNS, ctx)]
    .filter((c) => c.identifier)
    .map((c) => c.name)
    .filter((name, i, all) => all.indexOf(name) === i);
  // What a spreadsheet makes of an unprotected key: 120123E0100 is 120123 × 10^100.
  const asNumber = Number(ex.casilla).toExponential().toUpperCase();
  const file = own(ctx).results;
  return blocks(
    paragraph(`Los archivos de resultados y de candidaturas son archivos CSV con este formato:`),
    [
      ...item('-', 'Codificación UTF-8 con BOM (marca de orden de bytes), para que Excel muestre bien los acentos.', 2),
      ...item('-', 'Fin de línea CRLF (retorno de carro y salto de línea).', 2),
      ...item('-', `Separador de campos: ${delimiterName(d)}.`, 2),
      ...item(
        '-',
        'Entrecomillado RFC 4180: un campo que contiene el separador, comillas dobles o un salto de línea va ' +
          'entre comillas dobles, y cada comilla doble dentro de él se escribe dos veces ("").',
        2,
      ),
      ...item(
        '-',
        'Números enteros sin separador de miles; porcentajes con punto decimal y exactamente cuatro decimales.',
        2,
      ),
    ],
    [
      ...subheading('Identificadores con apóstrofo inicial'),
      ...paragraph(
        `Los identificadores ${enumeration(identifiers)} se escriben precedidos de un apóstrofo (${TEXT_PREFIX}) ` +
          `para que las hojas de cálculo los conserven como texto, con sus ceros a la izquierda: por ejemplo ` +
          `${TEXT_PREFIX}${ex.casilla}. Sin el apóstrofo, Excel leería ${ex.casilla} como el número ${asNumber} ` +
          `(notación científica) y la sección 0123 como 123. El apóstrofo no es parte del identificador: quítelo ` +
          'al procesar los datos. Por ejemplo, en R y en Python (3.9 o posterior):',
      ),
    ],
    verbatim([`x <- sub("^'", "", x)                           # R`, `x = x.removeprefix("'")                         # Python`, `df[c] = df[c].str.removeprefix("'")             # pandas`]),
    [
      ...subheading('Neutralización de fórmulas'),
      ...paragraph(
        'Una celda de nombre o de texto libre (ENTIDAD, el nombre del distrito o municipio, CANDIDATURA, ' +
          'OBSERVACIONES, TIPO_DOCUMENTO, etc.) que comienza con =, +, -, @, tabulador o retorno de carro se ' +
          `escribe con un apóstrofo inicial, para que una hoja de cálculo no la ejecute como fórmula (inyección ` +
          `de fórmulas). También lleva uno la que ya comenzaba con apóstrofo, de modo que quitar un apóstrofo ` +
          `inicial siempre devuelve el texto original. El ${q('-')} solo de los campos de votos no lleva apóstrofo.`,
      ),
    ],
    [
      ...subheading('Lectura del archivo de resultados'),
      ...paragraph(
        `Localice el renglón de encabezado, el que comienza con CLAVE_CASILLA, en lugar de contar líneas (la ` +
          `posición de las líneas en blanco cambió entre años y sistemas). Por ejemplo, en R:`,
      ),
    ],
    verbatim([
      `archivo <- "${file}"`,
      'lineas <- readLines(archivo, encoding = "UTF-8")',
      'inicio <- grep("^CLAVE_CASILLA", lineas)[1]',
      `actas <- read.csv(archivo, skip = inicio - 1, sep = "${d}", colClasses = "character",`,
      '                  encoding = "UTF-8", check.names = FALSE)',
      `actas$CLAVE_CASILLA <- sub("^'", "", actas$CLAVE_CASILLA)`,
    ]),
    paragraph('En Python:'),
    verbatim([
      'import csv',
      `archivo = "${file}"`,
      'with open(archivo, encoding="utf-8-sig", newline="") as f:',
      `    filas = list(csv.reader(f, delimiter="${d}"))`,
      'inicio = next(i for i, fila in enumerate(filas) if fila[:1] == ["CLAVE_CASILLA"])',
      'encabezado, actas = filas[inicio], filas[inicio + 1:]',
      `claves = [fila[0].removeprefix("'") for fila in actas]`,
    ]),
    paragraph(
      'En Excel, el archivo se abre con doble clic. Si las columnas no se separan (la configuración regional ' +
        'usa otro separador de listas), use Datos > Obtener datos > Desde el texto/CSV y elija el delimitador ' +
        `${delimiterName(d)}.`,
    ),
  );
}

function resultsStructureSection(ctx: LeemeContext): string[] {
  const name = ctx.election.config.name;
  return blocks(
    paragraph(`${own(ctx).results} contiene todas las actas de ${name} registradas hasta el corte, en este orden:`),
    [
      ...item('-', `Línea 1: el nombre de la elección: ${name}.`, 2),
      ...item('-', `Línea 2: la fecha y hora del corte, DD/MM/AAAA HH:MM (${ctx.entity.utcOffsetLabel}): ${keep(ctx.cut.label)}.`, 2),
      ...item('-', `Línea 3: los nombres de las 13 cifras de resumen (apartado 4), separados por ${delimiterName(ctx.delimiter)}.`, 2),
      ...item('-', 'Línea 4: sus valores en este corte.', 2),
      ...item('-', 'Línea 5: en blanco.', 2),
      ...item('-', 'Línea 6: el encabezado de las columnas por acta (apartado 5); comienza con CLAVE_CASILLA.', 2),
      ...item('-', 'Desde la línea 7: un renglón por acta registrada.', 2),
    ],
    paragraph(
      'Al leer el archivo, localice el renglón que comienza con CLAVE_CASILLA en lugar de contar líneas. Las ' +
        'actas esperadas que aún no se registran no tienen renglón.',
    ),
    paragraph(
      `Orden de los renglones: por ${ctx.level.idColumn} y, dentro de cada ${ctx.level.one}, por CLAVE_ACTA ` +
        '(sección, tipo de casilla, número de casilla, contigua y tipo de acta). Las actas fuera de catálogo van ' +
        'al final, ordenadas por CLAVE_ACTA.',
    ),
  );
}

function summarySection(ctx: LeemeContext): string[] {
  const summary = ctx.election.count.summary;
  const labelWidth = `${SUMMARY_NAMES.length}.`.length;
  const t = truncationExample();
  const figures = SUMMARY_NAMES.map((name, i) => {
    const doc = figureDoc(ctx, name);
    const textIndent = 2 + labelWidth + 1;
    return [
      ...item(`${i + 1}.`, `${keep(name)} — ${doc.meaning}`, 2, labelWidth),
      ...(doc.formula === undefined ? [] : paragraph(`Fórmula: ${doc.formula}.`, textIndent)),
    ];
  });
  return blocks(
    paragraph(
      'Las líneas 3 y 4 del archivo de resultados llevan 13 cifras de resumen de esta elección en toda la ' +
        'entidad, con estos nombres y en este orden:',
    ),
    ...figures,
    [
      ...subheading('Porcentajes: cuatro decimales, truncados'),
      ...paragraph(
        'Todo porcentaje se escribe con exactamente cuatro decimales, aunque terminen en cero, TRUNCADO y no ' +
          'redondeado: el sistema calcula con números enteros ⌊numerador × 1 000 000 / denominador⌋ y separa ' +
          'cuatro decimales. Si el denominador es 0, el porcentaje es 0.0000. Ejemplo: ' +
          `${keep(`${TRUNCATION_EXAMPLE.votes} × 100 / ${TRUNCATION_EXAMPLE.listaNominal}`)} = ${t.exact}…; se publica ${t.published}, no ` +
          `${t.rounded} (que sería el valor redondeado).`,
      ),
    ],
    [
      ...subheading(`Valores en este corte (${ctx.cut.label})`),
      ...SUMMARY_NAMES.flatMap((name) => item('-', `${keep(name)}: ${summary[name]}`, 2)),
    ],
  );
}

function columnsSection(ctx: LeemeContext): string[] {
  const docs = expandColumns(RESULTS_COLUMNS, ctx);
  const votes = docs.flatMap((d, i) => (d.group === 'votos' ? [{ d, n: i + 1 }] : []));
  const counts = docs.filter((d) => d.group === 'conteo').map((d) => d.name);
  return blocks(
    paragraph(
      `El encabezado (línea 6) tiene ${docs.length} columnas, en este orden: ` +
        `${docs.map((d) => d.name).join(', ')}.`,
    ),
    [
      ...paragraph(
        `Campos de votos: las columnas ${votes[0]!.n} a ${votes[votes.length - 1]!.n}, de ${votes[0]!.d.name} a ` +
          `${votes[votes.length - 1]!.d.name}: primero los ` +
          'partidos, en el orden de la boleta; luego las combinaciones de cada coalición (de más a menos ' +
          'partidos, en el orden del convenio de coalición); luego las candidaturas independientes, NO_REGISTRADAS ' +
          'y NULOS. Cada campo de votos contiene:',
      ),
      ...valueLines(VOTE_VALUES, 2),
    ],
    [
      ...paragraph(`Conteos: ${enumeration(counts)} son cantidades asentadas en el acta. Cada uno contiene:`),
      ...valueLines(COUNT_VALUES, 2),
    ],
    columnList(docs),
    [
      ...subheading(`El valor ${NOT_APPLICABLE}`),
      ...paragraph(
        `${q(NOT_APPLICABLE)} significa «no aplica». En las actas Sin Acta, MECANISMOS_TRASLADO, CODIGO_INTEGRIDAD, ` +
          `las tres fechas, ORIGEN, DIGITALIZACION y TIPO_DOCUMENTO valen ${q(NOT_APPLICABLE)}, y los conteos, ` +
          `los votos y los totales valen ${q(SIN_ACTA)}. En las actas de las modalidades de voto (TIPO_CASILLA M, A ` +
          `o P), los conteos que el acta no contiene valen ${q(NOT_APPLICABLE)}.`,
      ),
    ],
    [
      ...subheading('Actas fuera de catálogo'),
      ...paragraph(
        'Van al final del archivo, con CONTABILIZADA 2 y UBICACION_CASILLA 3. Sus campos de identificación son ' +
          'los capturados: si la clave no tiene la forma de una clave de casilla, SECCION, ID_CASILLA, ' +
          `TIPO_CASILLA y EXT_CONTIGUA quedan vacíos, y ${ctx.level.idColumn}, ${ctx.level.nameColumn}, ` +
          'LISTA_NOMINAL y REPRESENTANTES_PP_CI quedan vacíos si no se capturaron. Sus votos se publican pero ' +
          'no suman en ningún resultado.',
      ),
    ],
  );
}

function candidaturasSection(ctx: LeemeContext): string[] {
  const docs = expandColumns(CANDIDATURAS_COLUMNS, ctx);
  return blocks(
    paragraph(
      `${own(ctx).candidaturas} dice qué partido, coalición o candidatura independiente postula a quién en cada ` +
        `${ctx.level.one}. Tiene el mismo formato que el archivo de resultados (apartado 2), pero sin líneas ` +
        'previas: la línea 1 es el encabezado, y le sigue un renglón por candidatura. Columnas:',
    ),
    columnList(docs),
  );
}

function votesSection(ctx: LeemeContext): string[] {
  const layout = ctx.election.layout;
  const coalitions = layout.coalitions.map((c) => {
    const parts = [...c.members, ...c.combinations.map((k) => k.column)].map((i) => layout.columns[i]!);
    return item('-', `${c.id} («${c.name}») = ${parts.join(' + ')}, en ${unitsText(ctx, c.units)}.`, 4);
  });
  const example = distributionExample(ctx);
  return blocks(
    paragraph(
      'Los votos se presentan de tres maneras, todas calculadas sólo con las actas contabilizadas (CONTABILIZADA 1):',
    ),
    item(
      '-',
      'Por partido: cada columna de votos sumada tal como se asentó en las actas; las combinaciones de ' +
        'coalición se muestran aparte, con sus propios votos.',
      2,
    ),
    [
      ...item(
        '-',
        `Por candidatura: en cada ${ctx.level.one}, una coalición que compite ahí recibe los votos de sus ` +
          'partidos más los de todas sus combinaciones; los partidos que no van en coalición ahí conservan su ' +
          `columna; cada candidatura independiente cuenta en su ${ctx.level.one} (o en toda la entidad). El ` +
          `total de la entidad es la suma de los ${ctx.level.many}.` +
          (coalitions.length > 0 ? ' En esta elección:' : ' Esta elección no tiene coaliciones.'),
        2,
      ),
      ...coalitions.flat(),
    ],
    item(
      '-',
      'Distribuidos (LGIPE, artículo 311): en cada acta, los votos de cada combinación se reparten en partes ' +
        'iguales entre sus partidos; el residuo se asigna de uno en uno a los partidos de la combinación con ' +
        'más votos propios en esa casilla (en empate, en el orden del convenio de coalición). Sólo se ' +
        `reparten las combinaciones de las coaliciones que compiten en el ${ctx.level.one} del acta.` +
        (example === '' ? '' : ` ${example}`) +
        agreedShares(ctx),
      2,
    ),
    paragraph(
      'Estas tres presentaciones no son columnas del archivo de resultados: se obtienen de sus campos de votos ' +
        'y son las que muestra el sitio.',
    ),
  );
}

/** The coalitions whose agreement sets the shares of the distribution, instead of equal parts. */
function agreedShares(ctx: LeemeContext): string {
  const layout = ctx.election.layout;
  const agreed = layout.coalitions.filter((c) => c.shares !== null);
  if (agreed.length === 0) return '';
  const list = agreed.map((c) => `${c.id} (${c.members.map((m, i) => `${layout.columns[m]} ${c.shares![i]}`).join(', ')})`).join('; ');
  return (
    ` Excepción: el convenio de ${agreed.length === 1 ? 'esta coalición o candidatura común fija' : 'estas coaliciones o candidaturas comunes fija'} ` +
    `la parte de cada partido: ${list}. Cada partido de una combinación recibe la parte entera de los votos en ` +
    'proporción a su parte, y los votos restantes se asignan de uno en uno a los de mayor fracción sobrante (en ' +
    'empate, al de más votos propios en la casilla y luego en el orden del convenio).'
  );
}

/** "Ejemplo: PAN_PRI = 5, con PAN 40 y PRI 30 …", on this election's first two-party combination split in equal parts. */
function distributionExample(ctx: LeemeContext): string {
  const layout = ctx.election.layout;
  const combo = layout.coalitions.filter((c) => c.shares === null).flatMap((c) => c.combinations).find((k) => k.members.length === 2);
  if (combo === undefined) return '';
  const [a, b] = combo.members.map((m) => layout.columns[m]!) as [string, string];
  const name = layout.columns[combo.column]!;
  return (
    `Ejemplo: si un acta tiene ${name} = 5, ${a} = 40 y ${b} = 30, cada partido recibe 2 y el voto restante va a ` +
    `${a}, que tiene más votos propios: ${a} = 43 y ${b} = 32.`
  );
}

function verifySection(ctx: LeemeContext): string[] {
  const f = ctx.files;
  const [sigHead, sigTail] = splitSignatureCommand();
  const ex = examples(ctx);
  return blocks(
    paragraph(
      'Cualquiera puede comprobar, con herramientas estándar, que lo descargado es exactamente lo publicado. ' +
        'Las órdenes siguientes son para una terminal de Linux o macOS (en Windows: Git Bash o WSL).',
    ),
    item(
      '1.',
      `La llave pública. Descargue ${PUBLIC_KEY_NAME} del sitio y calcule su huella SHA-256 (64 caracteres ` +
        'hexadecimales):',
      2,
    ),
    verbatim([VERIFY_COMMANDS.fingerprint], 9),
    paragraph(
      `La huella es lo que precede a ${keep('«  -»')} (la entrada estándar). Compárela con la huella publicada en el ` +
        'sitio, que puede aparecer en grupos de cuatro caracteres. Si no coincide, no use esa llave.',
      5,
    ),
    item(
      '2.',
      `La firma del manifiesto. Con ${MANIFEST_NAME}, ${SIGNATURE_NAME} y la llave en la misma carpeta ` +
        '(OpenSSL 3.0 o posterior):',
      2,
    ),
    verbatim([`${sigHead} \\`, `    ${sigTail}`], 9),
    paragraph(
      'Es una sola orden en dos renglones (la barra invertida continúa la línea; si la escribe en un solo ' +
        'renglón, omítala). Ed25519 firma el archivo completo, sin resumen previo: la opción -rawin es ' +
        'obligatoria. Si la firma es válida, OpenSSL responde «Signature Verified Successfully».',
      5,
    ),
    item(
      '3.',
      `Los archivos. En la carpeta donde descargó los archivos del corte junto con ${SHA256SUMS_NAME} (con los ` +
        'ZIP sin renombrar):',
      2,
    ),
    verbatim([VERIFY_COMMANDS.sha256sums], 9),
    paragraph(
      'Cada archivo debe marcarse como correcto («OK» o «La suma coincide»). Si descargó sólo una parte (por ' +
        'ejemplo, sólo el ZIP del corte), use:',
      5,
    ),
    verbatim([VERIFY_COMMANDS.sha256sumsPartial], 9),
    paragraph(
      `En macOS: shasum -a 256 -c ${SHA256SUMS_NAME}. En Windows (PowerShell): Get-FileHash -Algorithm SHA256 ` +
        `<archivo>. Los SHA-256 de ${SHA256SUMS_NAME} son los mismos que lista ${MANIFEST_NAME}, el documento ` +
        'firmado.',
      5,
    ),
    item(
      '4.',
      'Los ZIP. Cada ZIP se puede probar completo, lo que comprueba el CRC de cada archivo que contiene (el ZIP ' +
        'de la elección, una vez extraído del maestro):',
      2,
    ),
    verbatim([`unzip -t ${f.masterZip}`, `unzip -t ${f.own.zip}`], 9),
    paragraph('La salida debe terminar con «No errors detected».', 5),
    item(
      '5.',
      'Una imagen de acta, descargada de /actas/<CODIGO_INTEGRIDAD>.<ext>. Su SHA-256 debe ser igual a su ' +
        'nombre y a la columna CODIGO_INTEGRIDAD de su renglón (sin distinguir mayúsculas de minúsculas):',
      2,
    ),
    verbatim(['sha256sum <CODIGO_INTEGRIDAD>.<ext>'], 9),
    item(
      '6.',
      'Todo a la vez. La herramienta de línea de órdenes de este sistema, de código abierto, hace estas ' +
        'comprobaciones sobre un ZIP, una carpeta descargada o la dirección (URL) del corte:',
      2,
    ),
    verbatim(['prep verify <zip|carpeta|url>', `prep verify ${f.masterZip}`], 9),
  );
}

/** The signature command over two lines of at most LEEME_WIDTH: it is longer than one. */
function splitSignatureCommand(): [string, string] {
  const at = VERIFY_COMMANDS.signature.indexOf(' -in ');
  return [VERIFY_COMMANDS.signature.slice(0, at), VERIFY_COMMANDS.signature.slice(at + 1)];
}

/** The sections, in order. */
const SECTIONS: readonly Section[] = [
  { title: 'Archivos del paquete y sus nombres', body: packageSection },
  { title: 'Formato de los archivos CSV', body: formatSection },
  { title: 'Estructura del archivo de resultados', body: resultsStructureSection },
  { title: 'Cifras de resumen', body: summarySection },
  { title: 'Columnas por acta', body: columnsSection },
  { title: 'Archivo de candidaturas', body: candidaturasSection },
  { title: 'Votos por partido, por candidatura y distribuidos', body: votesSection },
  { title: 'Cómo verificar la integridad', body: verifySection },
];

/** The section titles, in order (for tests and tables of contents). */
export const LEEME_SECTIONS: readonly string[] = SECTIONS.map((s) => s.title);

/** The LEEME as lines, without line ends or BOM. */
export function leemeLines(input: CutDatabasesInput, election: ElectionCut): string[] {
  const ctx = leemeContext(input, election);
  const parts = [titleBlock(ctx), contents(SECTIONS), ...SECTIONS.map((s, i) => [...heading(i + 1, s.title), '', ...s.body(ctx)])];
  const lines: string[] = [];
  for (const part of parts) {
    if (lines.length > 0) lines.push('', '');
    lines.push(...part);
  }
  return lines;
}

/**
 * The LEEME.txt of `election` at the cut of `input`: UTF-8 BOM first, CRLF line ends, lines of
 * at most LEEME_WIDTH characters (a single word longer than that, such as a very long
 * configured file name, stays whole). Encode it as UTF-8 (`leemeBytes`).
 */
export function leemeText(input: CutDatabasesInput, election: ElectionCut): string {
  return UTF8_BOM + leemeLines(input, election).join(CRLF) + CRLF;
}

/** leemeText as UTF-8 bytes (the BOM becomes EF BB BF). */
export function leemeBytes(input: CutDatabasesInput, election: ElectionCut): Uint8Array {
  return new TextEncoder().encode(leemeText(input, election));
}
