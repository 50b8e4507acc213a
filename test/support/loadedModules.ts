/**
 * Loaded with `node --import` in a child process: records every module the process loads and,
 * on exit, writes their URLs (one per line) to the file LOADED_MODULES_FILE names. What a
 * command loads is then a fact a test can check, not a timing that a busy machine blurs.
 */
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';

const file = process.env.LOADED_MODULES_FILE;
if (file === undefined) throw new Error('loadedModules.ts: set LOADED_MODULES_FILE to the file the list goes to');
const loaded = new Set<string>();
registerHooks({
  load(url, context, nextLoad) {
    loaded.add(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => writeFileSync(file, [...loaded].join('\n')));
