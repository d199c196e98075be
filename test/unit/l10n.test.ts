/**
 * Localisation: every string shown to the user goes through l10n.t (a scan of src/), the English
 * bundle is what `npm run l10n` extracts from the sources today, and under a pseudo-locale every
 * message the domain produces is one whole translated message (nothing joined from fragments).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '../../src/domain/core/l10n';
import { scanSource, type Finding } from './l10nScan';
import { sourceFiles } from '../support/sourceFiles';

const root = path.resolve(__dirname, '..', '..', '..');
const src = path.join(root, 'src');

/** Literals the scan finds that are not shown to anyone in words, each with why. */
const ALLOWED: readonly { readonly file: string; readonly text: RegExp; readonly why: string }[] = [
  {
    file: 'src/domain/lessons/lessons.ts',
    text: /^`\$\{fileName\}: /,
    why: 'lesson file problems go to the log only (LessonLibrary → log.warn)',
  },
  { file: 'src/domain/team/storage/legacy.ts', text: /^unreachable: /, why: 'an assertion that cannot fail, not a message' },
  {
    file: 'src/domain/team/store/draftIndex.ts',
    text: /^`replace: no /,
    why: 'a programming error (a replace of a record the caller just found), never shown',
  },
  {
    file: 'src/platform/state.ts',
    text: /^A store keeps its keys in one scope\.$/,
    why: 'a programming error caught by the tests, never shown',
  },
  {
    file: 'src/shared/page/vscodeApi.ts',
    text: /^`The page has no #/,
    why: 'a programming error in a page (a missing element), never shown',
  },
  { file: 'src/today/statusBarTip.ts', text: /^pass$/, why: 'a codicon name ($(pass) or $(lightbulb)), not words' },
  {
    file: 'src/lessons/build/renderLessons.ts',
    text: /^`Lesson \$\{parsed\.error\}`$/,
    why: 'fails the build on a broken lesson file; never runs in the extension',
  },
  {
    file: 'src/platform/lazyTreeDataProvider.ts',
    text: /^The tree asked about an element before it listed any\.$/,
    why: 'a programming error (VS Code asks only about elements it was given), never shown',
  },
  {
    file: 'src/platform/webviewHtml.ts',
    text: /^A style sheet to inline contains/,
    why: 'a build defect in our own CSS, caught by the tests, never shown',
  },
  {
    file: 'src/platform/webviewHtml.ts',
    text: /^A script to inline contains/,
    why: 'a build defect in our own page script, caught by the tests, never shown',
  },
  {
    file: 'src/services.ts',
    text: /^`The \$\{what\} was used before it was loaded/,
    why: 'a programming error caught by the tests (a feature reading the store before awaiting the load), never shown',
  },
];

const allowed = (finding: Finding): boolean => ALLOWED.some((a) => a.file === finding.file && a.text.test(finding.text));

describe('localisation', () => {
  describe('the scan of src/ for text that bypasses l10n.t', () => {
    it('finds no user-facing string literal outside l10n.t', () => {
      const files = sourceFiles(src);
      assert.ok(files.length > 50, `only ${files.length} files read`);
      const findings = files.flatMap((file) =>
        scanSource(path.relative(root, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')),
      );
      const bypasses = findings.filter((finding) => !allowed(finding)).map((f) => `${f.file}:${f.line} ${f.sink}: ${f.text}`);
      assert.deepEqual(bypasses, []);
    });

    it('needs each allowlist entry (a fixed bypass leaves no stale excuse behind)', () => {
      const findings = sourceFiles(src).flatMap((file) =>
        scanSource(path.relative(root, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')),
      );
      for (const entry of ALLOWED) {
        assert.ok(
          findings.some((f) => f.file === entry.file && entry.text.test(f.text)),
          `${entry.file} ${String(entry.text)} is allowed but no longer found`,
        );
      }
    });

    it('catches a bypass at each kind of sink, and lets l10n.t through', () => {
      const bad = `
        import * as vscode from 'vscode';
        import * as l10n from '../domain/l10n';
        void vscode.window.showInformationMessage('Saved the delegation.');
        void vscode.window.showWarningMessage(l10n.t('Delete it?'), 'Delete');
        const item = new vscode.TreeItem(\`Task \${name}\`);
        item.tooltip = done ? 'Done for today' : l10n.t('Open');
        void vscode.window.showQuickPick([{ label: 'Markdown', description: l10n.t('A file') }], { placeHolder: 'Export as…' });
        element.textContent = count + ' days';
        button.setAttribute('aria-label', 'Next lesson');
        el('p', { text: 'Nobody yet' });
        const html = \`<h1>Log 1:1</h1><button title="Save it">\${l10n.t('Save')}</button>\`;
        registerCommand(log, id, 'Log Delegation', run);
        return fail(\`The \${what} must be text.\`);
      `;
      const found = scanSource('bad.ts', bad).map((f) => f.text);
      assert.deepEqual(found, [
        'Saved the delegation.',
        'Delete',
        '`Task ${name}`',
        'Done for today',
        'Markdown',
        'Export as…',
        ' days',
        'Next lesson',
        'Nobody yet',
        'Log 1:1',
        'Log Delegation',
        '`The ${what} must be text.`',
      ]);
      const good = `
        import * as l10n from '../domain/l10n';
        void vscode.window.showInformationMessage(l10n.t('Saved {0}.', task), l10n.t('Undo'));
        item.description = \`\${levelLabel(level)} · \${when}\`;
        item.text = \`$(lightbulb) \${inert(short)}\`;
        const html = \`<h1>\${escapeHtml(l10n.t('Log 1:1'))}</h1>\`;
        element.id = 'stat-streak-value';
      `;
      assert.deepEqual(scanSource('good.ts', good), []);
    });
  });

  describe('the English bundle', () => {
    it('is l10n/bundle.l10n.json as npm run l10n extracts it from the sources now', function () {
      this.timeout(60_000);
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-l10n-'));
      try {
        const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'l10n-export.mjs'), '--out', out], {
          cwd: root,
          encoding: 'utf8',
        });
        assert.equal(run.status, 0, run.stderr);
        const fresh = fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8');
        const committed = fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8');
        assert.ok(fresh === committed, 'l10n/bundle.l10n.json is out of date: run `npm run l10n` and commit it');
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    });

    it('is where package.json tells VS Code to look; its translations ship, the English source does not', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { l10n?: string };
      assert.equal(manifest.l10n, './l10n');
      const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
      assert.match(ignore, /^!l10n\/bundle\.l10n\.\*\.json$/m);
      assert.doesNotMatch(ignore, /^!l10n\/\*\.json$/m);
    });
  });

  describe('l10n.t', () => {
    afterEach(() => l10n.setTranslator(undefined));

    it('formats English like vscode.l10n.t: positional and named placeholders, other braces kept', () => {
      assert.equal(l10n.t('Logged "{0}" for {1}.', 'Run the retro', 'Sam'), 'Logged "Run the retro" for Sam.');
      assert.equal(l10n.t('{who} is due a 1:1', { who: 'Ana' }), 'Ana is due a 1:1');
      assert.equal(l10n.t('Expected an object like { "task": "…" }.'), 'Expected an object like { "task": "…" }.');
      assert.equal(l10n.t('{0} of {1}', 3), '3 of {1}');
    });

    it('translates from a bundle as a page does, falling back to English', () => {
      l10n.setTranslator(
        l10n.bundleTranslator({ 'Done for today': 'Für heute erledigt', '{0} days': { message: '{0} Tage', comment: ['a count'] } }),
      );
      assert.equal(l10n.t('Done for today'), 'Für heute erledigt');
      assert.equal(l10n.t('{0} days', 3), '3 Tage');
      assert.equal(l10n.t('Open lesson'), 'Open lesson');
    });

    it('tells one whole pseudo-translated message from text joined from several', () => {
      l10n.setTranslator(l10n.pseudoTranslator);
      const whole = l10n.t('Level {0}: {1}', 3, l10n.t('Consult'));
      assert.equal(whole, '[!! Level 3: [!! Consult !!] !!]');
      assert.ok(l10n.isWholeMessage(whole));
      assert.ok(!l10n.isWholeMessage(`${l10n.t('Could not read {0} stored', 2)} ${l10n.t('records')}`));
      assert.ok(!l10n.isWholeMessage(`Sam: ${l10n.t('overdue')}`));
      assert.ok(!l10n.isWholeMessage(`${l10n.t('overdue')}.`));
      assert.ok(!l10n.isWholeMessage('Not translated at all'));
    });
  });
});
