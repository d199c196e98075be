#!/usr/bin/env node
// `npm test`: every suite, in order, stopping at the first that fails.
//   1. type checks of the extension, the webview pages and the tests; ESLint (promises); Prettier (format)
//   2. unit tests of the domain (plain Node, mocha)
//   3. the packaged .vsix (production build)
//   4. in-host tests inside a real VS Code extension host (code-server)
//   5. end-to-end journeys through the VS Code UI (code-server + Chromium)
// Suites 4 and 5 set up code-server, Node 24 and Chromium on first use (scripts/real-vscode/setup.mjs);
// when that cannot be done they fail with what is missing. Nothing is skipped.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const steps = [
  { name: 'type check', cmd: bin('tsc'), args: ['-p', '.'], counts: false },
  { name: 'type check (webview pages)', cmd: bin('tsc'), args: ['-p', 'tsconfig.pages.json'], counts: false },
  { name: 'compile tests', cmd: bin('tsc'), args: ['-p', 'test'], counts: false },
  // The bench is not run here (it takes many minutes), but it must keep compiling against the product.
  { name: 'type check (bench)', cmd: bin('tsc'), args: ['-p', 'bench', '--noEmit'], counts: false },
  { name: 'lint (no floating or misused promises)', cmd: bin('eslint'), args: ['--max-warnings', '0'], counts: false },
  { name: 'format (prettier --check)', cmd: bin('prettier'), args: ['--check', '.'], counts: false },
  { name: 'unit tests', cmd: bin('mocha'), args: ['--config', 'test/.mocharc.unit.json'], counts: 'mocha' },
  {
    name: 'package .vsix (the product, and the test build with its hooks on)',
    cmd: 'npm',
    args: ['run', '--silent', 'package:all'],
    counts: false,
  },
  {
    name: 'in-host tests (real VS Code extension host)',
    cmd: process.execPath,
    args: ['out/test/host/runInCodeServer.js'],
    counts: 'host',
  },
  { name: 'end-to-end journeys (real VS Code UI)', cmd: bin('mocha'), args: ['--config', 'test/.mocharc.e2e.json'], counts: 'mocha' },
];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n=== ${step.name} ===\n`);
    const child = spawn(step.cmd, step.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    const relay = (stream) => (chunk) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('error', (error) => {
      output += String(error);
      resolve({ code: 1, output, seconds: (Date.now() - started) / 1000 });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

/** Passed and failed counts as the suite reported them. */
function counts(kind, output) {
  const number = (pattern) => Number(pattern.exec(output)?.[1] ?? 0);
  if (kind === 'mocha') {
    return { passed: number(/(\d+) passing/), failed: number(/(\d+) failing/), skipped: number(/(\d+) pending/) };
  }
  const last = /(\d+) passed, (\d+) failed, (\d+) skipped/.exec(output);
  return last ? { passed: Number(last[1]), failed: Number(last[2]), skipped: Number(last[3]) } : { passed: 0, failed: 1, skipped: 0 };
}

const total = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
let failedStep;
for (const step of steps) {
  const result = await run(step);
  if (step.counts) {
    const c = counts(step.counts, result.output);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    summary.push(
      `${step.name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''} (${result.seconds.toFixed(0)} s)`,
    );
    if (result.code === 0 && c.passed === 0) {
      // A suite that ran nothing is a broken suite, not a green one.
      result.code = 1;
      summary.push(`${step.name}: ran no test`);
    }
  } else {
    summary.push(`${step.name}: ${result.code === 0 ? 'ok' : 'FAILED'} (${result.seconds.toFixed(0)} s)`);
  }
  if (result.code !== 0) {
    failedStep = step.name;
    if (total.failed === 0) {
      total.failed = 1;
    }
    break;
  }
}

process.stdout.write(`\n=== summary ===\n${summary.join('\n')}\n`);
if (failedStep) {
  process.stdout.write(`npm test stopped at: ${failedStep}\n`);
}
process.stdout.write(`${total.passed} passed, ${total.failed} failed\n`);
process.exit(failedStep ? 1 : 0);
