// @ts-check
'use strict';
// Test-only extension: runs compiled in-host mocha tests inside the real extension host.
// See README.md. Plain JS so that packaging needs no build step.

const fs = require('fs');
const path = require('path');

/** @param {string} dir @returns {string[]} */
function findTests(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.test.js')) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** @param {unknown} err */
function describeError(err) {
  if (err instanceof Error) return { message: err.message, stack: err.stack || err.message };
  return { message: String(err), stack: String(err) };
}

/** Writes the results atomically (temp file + rename) so a reader never sees half a file. */
function writeResults(/** @type {string} */ file, /** @type {object} */ results) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file);
}

/** A results object that counts as a failure, for anything that stops the tests from running. */
function errorResults(/** @type {string} */ title, /** @type {unknown} */ err) {
  const { message, stack } = describeError(err);
  return {
    passed: 0,
    failed: 1,
    pending: 0,
    failures: [{ title, fullTitle: `[test-runner] ${title}`, message, stack }],
    tests: [],
    done: true,
  };
}

/** @returns {Promise<object>} */
function runMocha(/** @type {string} */ testsDir, /** @type {string} */ mochaPath) {
  return new Promise((resolve) => {
    /** @type {any} */
    let Mocha;
    try {
      Mocha = require(mochaPath);
    } catch (err) {
      resolve(errorResults(`load mocha from ${mochaPath}`, err));
      return;
    }
    let files;
    try {
      if (!fs.existsSync(testsDir))
        throw new Error(`TLC_HOST_TESTS directory ${testsDir} does not exist (compile the tests first: npx tsc -p test)`);
      files = findTests(testsDir);
      if (files.length === 0) throw new Error(`no *.test.js files under ${testsDir}`);
    } catch (err) {
      resolve(errorResults('find test files', err));
      return;
    }
    const mocha = new Mocha({
      ui: process.env.TLC_MOCHA_UI || 'bdd',
      timeout: Number(process.env.TLC_MOCHA_TIMEOUT || 20000),
      color: false,
      reporter: 'spec',
      ...(process.env.TLC_MOCHA_GREP ? { grep: process.env.TLC_MOCHA_GREP } : {}),
    });
    for (const f of files) mocha.addFile(f);
    try {
      // Synchronous require() so that `import * as vscode from 'vscode'` in the tests goes through
      // the extension host's module interceptor.
      mocha.loadFiles();
      mocha.lazyLoadFiles(true); // already loaded: run() must not load them again
    } catch (err) {
      resolve(errorResults(`load test files from ${testsDir}`, err));
      return;
    }
    /** @type {{title: string, fullTitle: string, message: string, stack: string}[]} */
    const failures = [];
    /** @type {{fullTitle: string, state: string, durationMs?: number}[]} */
    const tests = [];
    let runner;
    try {
      runner = mocha.run();
    } catch (err) {
      resolve(errorResults('start mocha', err));
      return;
    }
    runner.on('pass', (/** @type {any} */ t) => tests.push({ fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('pending', (/** @type {any} */ t) => tests.push({ fullTitle: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (/** @type {any} */ t, /** @type {unknown} */ err) => {
      const { message, stack } = describeError(err);
      failures.push({ title: t.title, fullTitle: t.fullTitle(), message, stack });
      tests.push({ fullTitle: t.fullTitle(), state: 'failed' });
    });
    runner.on('end', () => {
      const stats = runner.stats || {};
      resolve({
        passed: stats.passes ?? tests.filter((t) => t.state === 'passed').length,
        failed: Math.max(stats.failures ?? 0, failures.length),
        pending: stats.pending ?? 0,
        failures,
        tests,
        files: files.map((f) => path.relative(testsDir, f)),
        durationMs: stats.duration,
        done: true,
      });
    });
  });
}

/** @param {import('vscode').ExtensionContext} _context */
function activate(_context) {
  const testsDir = process.env.TLC_HOST_TESTS;
  if (!testsDir) return;
  const resultsFile = process.env.TLC_HOST_RESULTS;
  if (!resultsFile) {
    console.error('[tlc-test-runner] TLC_HOST_TESTS is set but TLC_HOST_RESULTS is not: not running tests');
    return;
  }
  const mochaPath = process.env.TLC_MOCHA_PATH || 'mocha';
  console.log(`[tlc-test-runner] running host tests from ${testsDir}`);
  // Run after activation returns so the runner never delays the extension host.
  setTimeout(() => {
    runMocha(path.resolve(testsDir), mochaPath)
      .catch((err) => errorResults('run mocha', err))
      .then((results) => {
        try {
          writeResults(resultsFile, results);
          console.log(
            `[tlc-test-runner] ${JSON.stringify({ passed: results.passed, failed: results.failed, pending: results.pending })} -> ${resultsFile}`,
          );
        } catch (err) {
          console.error(`[tlc-test-runner] could not write ${resultsFile}: ${describeError(err).stack}`);
        }
      });
  }, 0);
}

function deactivate() {}

module.exports = { activate, deactivate };
