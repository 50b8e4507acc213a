import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { action, UserError } from '../failure.ts';
import { isLoopback } from '../../core/loopback.ts';

interface Options {
  target: string;
  port: string;
  host: string;
  public?: boolean;
}


/** `prep serve`: serve a local target's live cut. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description("Serve a local target's live cut over HTTP, as the CDN would: /datos/ from <target>/datos/, everything else from <target>/current/")
    .requiredOption('-t, --target <dir>', 'the local target (a folder prep publish, prep cut or prep run publish to)')
    .option('-p, --port <n>', 'port to listen on', '4321')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--public', 'allow an address other than this machine (127.0.0.1, ::1, localhost): the site is then reachable from the network')
    .addHelpText(
      'after',
      `
Each request looks at <target>/current, so a new cut (or a rollback) is seen by the very next
request; a download under way finishes from the cut it started in. Before the first cut
every page answers 503 with a short message. For the public, put nginx in front (see
docs/publish-local.md) or serve the folder with nginx alone.

Examples:
  prep serve --target /srv/prep
  prep serve --target .prep/target --port 8080
  prep serve --target /srv/prep --host 0.0.0.0 --public`,
    )
    .action(
      action(async (opts: Options) => {
        const { isS3Target } = await import('../../adapters/publish/openTarget.ts');
        const { openLocalTarget } = await import('../../adapters/publish/local/localTarget.ts');
        const { startServer } = await import('../../adapters/serve/staticServer.ts');
        const { stopOnSignals } = await import('../../pipeline/stopOnSignals.ts');
        if (isS3Target(opts.target)) throw new UserError(`${opts.target} is an S3 target: CloudFront serves it; prep serve serves a local directory`);
        const port = Number(opts.port);
        if (!Number.isSafeInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number (0–65535), got "${opts.port}"`);
        if (!isLoopback(opts.host) && opts.public !== true)
          throw new UserError(`--host ${opts.host} would serve the site beyond this machine: add --public if that is what you want`);
        const info = await stat(opts.target).catch(() => null);
        if (info === null || !info.isDirectory()) throw new UserError(`${opts.target} is not a folder: publish a cut to it first (prep publish, prep cut or prep run)`);

        const status = await openLocalTarget(opts.target).status();
        const server = await startServer({ root: opts.target, port, host: opts.host, log: (line) => process.stderr.write(`${line}\n`) }).catch(
          (error: NodeJS.ErrnoException) => {
            throw new UserError(error.code === 'EADDRINUSE' ? `port ${port} is in use on ${opts.host}: choose another with --port` : `cannot listen on ${opts.host}:${port}: ${error.message}`);
          },
        );
        const live = status.cuts.find((c) => c.live);
        process.stderr.write(
          `${status.target}: ${live === undefined ? 'no cut published yet (every page answers 503 until one is)' : `live cut ${live.stamp} (${live.label})`}; Ctrl-C stops\n`,
        );
        process.stdout.write(`${server.url}/\n`);
        const stop = stopOnSignals((signal) => process.stderr.write(`${signal}: stopping\n`));
        await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
        stop.dispose();
        await server.close();
      }),
    );
}
