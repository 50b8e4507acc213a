#!/usr/bin/env node
// Node keeps each module's stripped and compiled code in its compile cache (in the system's
// temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so that a start after the
// first does not strip the TypeScript of every module again: about half of what starting
// costs. It applies to modules loaded after it is enabled, hence the program is imported here.
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { program } = await import('./program.ts');
await program.parseAsync(process.argv);
