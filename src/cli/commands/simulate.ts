import { InvalidArgumentError, Option, type Command } from 'commander';
import { action, UserError } from '../failure.ts';
import { PRESETS, PRESET_NAMES } from '../../sim/presets/index.ts';
import { resolveAsOf } from '../../sim/asOf.ts';
import { IMAGE_FORMATS, type ImageFormat } from '../../sim/images.ts';

interface SimulateOptions {
  preset: string;
  seed: number;
  out?: string;
  asOf?: string;
  /** Absent: no image files, and the export's CODIGO_INTEGRIDAD are those of the SVGs. */
  images?: ImageFormat;
}

const parseSeed = (value: string): number => {
  if (!/^\d{1,15}$/.test(value)) throw new InvalidArgumentError('must be a whole number such as 2024');
  return Number(value);
};

/** `prep simulate`: writes a synthetic, deterministic election night to try the whole pipeline on. */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Generate a synthetic election night (configuration, catalogues, capture export); the same preset and seed always give the same files')
    .addOption(new Option('--preset <name>', 'which election to simulate: guerrero (a state, 2 elections, ~10 k actas) or national (federal, 3 elections, ~510 k actas)').choices(PRESET_NAMES).default('guerrero'))
    .option('--seed <n>', 'seed of the random generator: change it for another night of the same shape', parseSeed, 2024)
    .option('--out <dir>', 'output directory (default: data/sim/<preset>)')
    .option('--as-of <time>', 'write the capture export as the capture system holds it at this time: HH:MM in the entity\'s time zone, or ISO 8601 with offset (default: the whole night)')
    .addOption(
      new Option('--images [format]', 'also write every exported acta image to <out>/actas/: svg (light tally sheets, <CLAVE_ACTA>.svg) or jpeg (realistic 150–400 KB scans, <CLAVE_ACTA>.jpg)')
        .choices(IMAGE_FORMATS)
        .preset('svg'),
    )
    .addHelpText(
      'after',
      `
Files written to <out> (each replaced atomically):
  config.yaml             election configuration (valid for prep tally and the publisher)
  catalogo_<CODE>.csv     expected actas of each election
  captura.ndjson          capture export: one JSON object per acta, in arrival order
  actas/                  acta images (with --images), named by CLAVE_ACTA

Each record's CODIGO_INTEGRIDAD is the SHA-256 of its acta image in the chosen format
(SVG when --images is not given), so an export and its images always go together.
--images jpeg writes grayscale scans of a letter-size form at 150 dpi (1280×1760), each
150–400 KB and different from every other, as real PREP images are: ~2.8 GB for a whole
Guerrero night, ~135 GB for the national one.

--as-of HH:MM is the first time the clock shows HH:MM at or after the start of
publication (20:00 on election day): 23:40 is the same evening, 03:00 and 19:00 are the
next day. An ISO time such as 2024-06-03T03:00:00-06:00 is taken as it is.

Examples:
  prep simulate
  prep simulate --as-of 23:40 --out /tmp/gro-2340
  prep simulate --as-of 23:40 --out /tmp/gro-jpeg --images jpeg
  prep simulate --preset national --seed 7 --out /tmp/national`,
    )
    .action(
      action(async (opts: SimulateOptions) => {
        const preset = PRESETS.get(opts.preset)!;
        const out = opts.out ?? `data/sim/${preset.name}`;
        const log = (line: string): void => {
          process.stderr.write(`${line}\n`);
        };
        const { simulate } = await import('../../sim/simulate.ts');
        const { writeSimulation } = await import('../../sim/io/writeSimulation.ts');
        const started = performance.now();
        const start = Date.parse(preset.schedule.start);
        let asOf = Infinity;
        if (opts.asOf !== undefined) {
          try {
            asOf = resolveAsOf(opts.asOf, start, preset.entity.timeZone);
          } catch (error) {
            throw new UserError(`--as-of: ${(error as Error).message}`);
          }
          if (asOf < start) log(`note: --as-of ${opts.asOf} is before the start of publication (${preset.schedule.start}): the export is empty`);
        }
        const sim = simulate(preset, opts.seed, { images: opts.images ?? 'svg' });
        log(`simulated ${preset.name} (seed ${opts.seed}): ${sim.territory.casillas.count.toLocaleString('en-US')} casillas, ${sim.night.count.toLocaleString('en-US')} records over the night`);
        await writeSimulation(sim, { out, asOf, images: opts.images !== undefined, log });
        log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }),
    );
}
