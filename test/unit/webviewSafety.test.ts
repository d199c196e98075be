import * as assert from 'node:assert/strict';
import { escapeHtml, jsonForHtml, withIconFontAt } from '../../src/shared/html';
import { isExternalWebLink, isLessonToExtension } from '../../src/lessons/protocol';
import { isTodayToExtension } from '../../src/today/protocol';

describe('webview safety', () => {
  it('escapes every character that could open markup', () => {
    assert.equal(escapeHtml(`<img src=x onerror="alert('1')">&`), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });

  it('writes state JSON that cannot close its script block', () => {
    const json = jsonForHtml({ task: '</script><script>alert(1)</script>' });
    assert.doesNotMatch(json, /<|>/);
    assert.deepEqual(JSON.parse(json), { task: '</script><script>alert(1)</script>' });
  });

  it('accepts only the Today messages of the protocol, in their exact shape', () => {
    for (const type of [
      'ready',
      'done',
      'another',
      'openLesson',
      'showDelegations',
      'logDelegation',
      'logOneOnOne',
      'logFeedbackAsked',
      'openReview',
      'openLastWeekReview',
    ]) {
      assert.ok(isTodayToExtension({ type }), type);
    }
    for (const bad of [null, 'done', { type: 'rm -rf' }, { type: 'done', extra: 1 }, { type: 7 }, []]) {
      assert.equal(isTodayToExtension(bad), false, JSON.stringify(bad));
    }
  });

  it('accepts only the lesson messages of the protocol, in their exact shape', () => {
    assert.ok(isLessonToExtension({ type: 'navigate', lessonId: 'trust' }));
    assert.ok(isLessonToExtension({ type: 'setRead', read: true }));
    assert.ok(isLessonToExtension({ type: 'openLink', href: 'https://example.com' }));
    for (const bad of [
      { type: 'navigate' },
      { type: 'navigate', lessonId: 3 },
      { type: 'setRead', read: 'yes' },
      { type: 'openLink', href: 'x'.repeat(3000) },
      { type: 'navigate', lessonId: 'a', more: 1 },
      { type: 'eval' },
    ]) {
      assert.equal(isLessonToExtension(bad), false, JSON.stringify(bad));
    }
  });

  it('lets only web links leave the editor', () => {
    assert.ok(isExternalWebLink('https://rework.withgoogle.com/'));
    assert.ok(isExternalWebLink('http://example.com'));
    for (const href of ['javascript:alert(1)', 'file:///etc/passwd', 'command:workbench.action.quit', 'vscode://x', 'not a url']) {
      assert.equal(isExternalWebLink(href), false, href);
    }
  });

  it("points the icon font of a page's inlined style sheet at the webview's URL, quoted or minified", async () => {
    const font = 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/codicon.ttf';
    const written = '@font-face { font-family: "codicon"; src: url("./codicon.ttf") format("truetype"); }';
    assert.equal(withIconFontAt(written, font), `@font-face { font-family: "codicon"; src: url("${font}") format("truetype"); }`);
    // What the production build makes of the same rule (esbuild's CSS minifier drops the quotes).
    const esbuild = await import('esbuild');
    const minified = (await esbuild.transform(written, { loader: 'css', minify: true })).code;
    assert.match(minified, /url\(\.\/codicon\.ttf\)/);
    assert.ok(withIconFontAt(minified, font).includes(`url("${font}")`), withIconFontAt(minified, font));
    assert.ok(!withIconFontAt(minified, font).includes('./codicon.ttf'));
  });
});
