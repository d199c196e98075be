#!/usr/bin/env node
// `npm run bench`: compiles bench/ (bench/tsconfig.json → out/bench) and runs out/bench/bench/main.js.
// The table and, as the last line, one JSON object go to stdout; progress goes to stderr.
// Environment: TLC_BENCH_RELOADS (default 15), TLC_BENCH_ROUNDS (default 9), TLC_BENCH_LESSON (default delegate-more).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The keys of the JSON line, shared with bench/main.ts.
const KEYS = JSON.parse(readFileSync(join(root, 'bench', 'jsonKeys.json'), 'utf8'));

function fail(why) {
  process.stderr.write(`[bench] ${why}\n`);
  process.stdout.write(`bench could not run: ${why.split('\n')[0]}\n`);
  process.stdout.write(`${JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, null])))}\n`);
  process.exit(1);
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'bench')], { cwd: root, encoding: 'utf8' });
if (compiled.status !== 0) fail(`tsc -p bench failed:\n${compiled.stdout}${compiled.stderr}`);
const main = join(root, 'out', 'bench', 'bench', 'main.js');
if (!existsSync(main)) fail(`${main} was not emitted`);

// --expose-gc: the repository signals' heap figure is read after a full collection.
const child = spawn(process.execPath, ['--expose-gc', main, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
