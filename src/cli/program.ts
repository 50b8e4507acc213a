/**
 * `prep` and its commands, one line each. A command's module declares it (name, arguments,
 * options, help) and imports what it runs only inside its action, so that listing every
 * command costs next to nothing: `prep --help`, `prep --version` and `prep <command> --help`
 * load none of the engine, the site or the AWS SDK (test/cli/startup.test.ts checks it).
 * To add a command: write src/cli/commands/<name>.ts in that shape (its static imports are
 * commander, ../failure.ts, the option helpers and type-only imports), import its register
 * function here and call it below.
 */
import { Command } from 'commander';
import { registerTally } from './commands/tally.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerReplay } from './commands/replay.ts';
import { registerDatabases } from './commands/databases.ts';
import { registerVerify } from './commands/verify.ts';
import { registerSite } from './commands/site.ts';
import { registerCut } from './commands/cut.ts';
import { registerRun } from './commands/run.ts';
import { registerNight } from './commands/night.ts';
import { registerSize } from './commands/size.ts';
import { registerLoad } from './commands/load.ts';
import { registerServe } from './commands/serve.ts';
import { registerStatus } from './commands/status.ts';
import { registerRollback } from './commands/rollback.ts';
import { registerPublish } from './commands/publish.ts';
import { registerMirror } from './commands/mirror.ts';
import { registerInit } from './commands/init.ts';

export const program = new Command('prep')
  .description("Publishes Mexico's preliminary election results (PREP): counting rules, databases, site, CDN.")
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)');

registerTally(program);
registerSimulate(program);
registerReplay(program);
registerDatabases(program);
registerVerify(program);
registerSite(program);
registerCut(program);
registerRun(program);
registerNight(program);
registerSize(program);
registerLoad(program);
registerServe(program);
registerStatus(program);
registerRollback(program);
registerPublish(program);
registerMirror(program);
registerInit(program);
