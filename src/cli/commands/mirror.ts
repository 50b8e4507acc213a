import type { Command } from 'commander';
import { action, UserError } from '../failure.ts';

interface Options {
  fingerprint: string;
  out: string;
  once?: boolean;
  interval: string;
  images?: boolean;
  allowHttp?: boolean;
}

/** `prep mirror`: a difusor's verified copy of an electoral body's published cuts. */
export function registerMirror(program: Command): void {
  program
    .command('mirror')
    .description("Mirror an electoral body's published cuts: download each new cut's databases, verify them against the body's signing key, keep a verified copy to serve or re-publish")
    .argument('<url>', "the site's databases folder, ending in /datos/ (e.g. https://prep.example.org/datos/)")
    .requiredOption('--fingerprint <hex>', "the SHA-256 fingerprint of the body's signing key, as it publishes it (spaces and colons allowed)")
    .requiredOption('-o, --out <dir>', 'the mirror folder: every verified cut in <out>/datos/<stamp>/, the acta images in <out>/actas/ (--images), mirror.json')
    .option('--once', 'look once, mirror what is new, and exit (exit code 1 if a cut was refused)')
    .option('--interval <seconds>', 'seconds between looks at the list of cuts', '60')
    .option('--images', 'also keep the acta images each cut lists (checked against the signed manifest, each fetched once)')
    .option('--allow-http', 'allow plain http to a host other than this machine (it can be tampered with on the way; prefer https)')
    .addHelpText(
      'after',
      `
Each look reads the site's list of published cuts (<site>/bases-de-datos/datos.json) and
mirrors every cut the folder does not hold yet, oldest first:
  1. the cut's manifest.json, its signature and public key: the key must have the given
     fingerprint, the signature must be valid, the manifest must be of that cut
  2. every file the signed manifest lists, each within its signed size and checked against
     its signed SHA-256 (and with --images the acta images the mirror lacks)
  3. everything prep verify checks: SHA256SUMS, the ZIPs, every results file against the
     Anexo 13 counting rules
  4. the cut, downloaded into a hidden folder, is renamed into <out>/datos/<stamp>/
A cut that fails any step is refused and nothing of it is kept: the mirror keeps the cuts it
holds, and tries the refused cut again at the next look. Progress goes to stderr; each cut
held prints its folder on stdout. Ctrl-C stops after the cut under way.

The folder is laid out as the site's own paths (datos/<stamp>/, actas/): serve it as it is
(nginx, or prep serve --target <out>) or copy it to your site. docs/difusores.md explains
how to run it beside a newsroom's site and how to cite the fingerprint.

Examples:
  prep mirror https://prep.example.org/datos/ --fingerprint "ab12 cd34 …" --out /srv/espejo
  prep mirror https://prep.example.org/datos/ --fingerprint ab12cd34… --out /srv/espejo --images --interval 120
  prep mirror http://127.0.0.1:4321/datos/ --fingerprint 33d03999… --out /tmp/espejo --once`,
    )
    .action(
      action(async (url: string, opts: Options) => {
        const { mirrorSource } = await import('../../core/mirror/mirrorSource.ts');
        const { normaliseFingerprint } = await import('../../core/verify/integrity.ts');
        const { followCuts } = await import('../../adapters/mirror/followCuts.ts');
        const { stopOnSignals } = await import('../../pipeline/stopOnSignals.ts');
        let source;
        try {
          source = mirrorSource(url, { allowHttp: opts.allowHttp === true });
        } catch (error) {
          throw new UserError((error as Error).message);
        }
        const fingerprint = normaliseFingerprint(opts.fingerprint);
        if (!/^[0-9a-f]{64}$/.test(fingerprint)) throw new UserError(`--fingerprint "${opts.fingerprint}" is not a SHA-256 fingerprint (64 hexadecimal digits)`);
        const interval = Number(opts.interval);
        if (!(interval >= 1)) throw new UserError(`--interval must be a number of seconds ≥ 1, got "${opts.interval}"`);

        const log = (line: string): void => {
          process.stderr.write(`${line}\n`);
        };
        const stop = stopOnSignals((signal) => log(`${signal}: stopping after the cut under way`));
        try {
          const result = await followCuts({
            source,
            fingerprint,
            out: opts.out,
            images: opts.images === true,
            once: opts.once === true,
            intervalMs: interval * 1000,
            signal: stop.signal,
            log,
            onHeld: (_cut, dir) => process.stdout.write(`${dir}\n`),
          });
          const newest = result.held.at(-1);
          log(newest === undefined ? 'the mirror holds no cut yet' : `the mirror holds ${result.held.length === 1 ? '1 cut' : `${result.held.length} cuts`}, the newest ${newest.stamp} (${newest.label})`);
          if (opts.once === true && result.refused > 0) process.exitCode = 1;
        } finally {
          stop.dispose();
        }
      }),
    );
}
