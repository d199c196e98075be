/**
 * Times "until this content is visible inside a webview", in the workbench page's own clock: the
 * start is taken just before the key press, the end on the first animation frame where the content
 * is there. A webview is an outer `iframe.webview` (its `extensionId=` names the extension) holding
 * the page in `iframe#active-frame`; code-server serves both from the workbench's origin, so the
 * watcher reads them directly.
 */
import type { Page } from 'playwright-core';

/** One thing that must be on screen; every requirement of a check must hold in the same webview. */
export interface Requirement {
  selector: string;
  /** The element's text, trimmed, is exactly this. */
  text?: string;
  /** The element's text, trimmed, is not empty. */
  nonEmpty?: boolean;
  /** Some of the element lies inside the webview's viewport (not only laid out below the fold). */
  inViewport?: boolean;
}

export interface ContentCheck {
  /** The webview's extension, as in the outer iframe's `extensionId=` query parameter. */
  extensionId: string;
  all: Requirement[];
  /** For the table and error messages, e.g. 'h1 "Delegate more" visible'. */
  describe: string;
}

interface WatchState {
  start: number;
  done: Promise<{ ms: number } | { error: string }>;
}

/** Installs the watcher in the workbench page and records its start time; returns at once. */
export async function startWatch(page: Page, check: ContentCheck, timeoutMs: number): Promise<void> {
  await page.evaluate(
    ({ check, timeoutMs }) => {
      const start = performance.now();
      const shown = (el: Element): boolean => {
        const rect = el.getBoundingClientRect();
        const style = el.ownerDocument.defaultView?.getComputedStyle(el);
        return rect.width > 0 && rect.height > 0 && style !== undefined && style.visibility !== 'hidden' && style.display !== 'none';
      };
      const inView = (el: Element): boolean => {
        const rect = el.getBoundingClientRect();
        const win = el.ownerDocument.defaultView;
        return win !== null && rect.bottom > 0 && rect.right > 0 && rect.top < win.innerHeight && rect.left < win.innerWidth;
      };
      const meets = (doc: Document, req: Requirement): boolean =>
        Array.from(doc.querySelectorAll(req.selector)).some((el) => {
          const text = el.textContent?.trim() ?? '';
          if (req.text !== undefined && text !== req.text) return false;
          if (req.nonEmpty && text === '') return false;
          return shown(el) && (!req.inViewport || inView(el));
        });
      const visible = (): boolean => {
        for (const outer of Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe.webview'))) {
          if (!outer.src.includes(`extensionId=${check.extensionId}`) || !shown(outer)) continue;
          const inner = outer.contentDocument?.querySelector<HTMLIFrameElement>('iframe#active-frame');
          const doc = inner?.contentDocument;
          if (!inner || !doc || !shown(inner)) continue;
          if (check.all.every((req) => meets(doc, req))) return true;
        }
        return false;
      };
      // For the error: what the webviews of that extension held when time ran out.
      const whatIsThere = (): string => {
        const seen: string[] = [];
        for (const outer of Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe.webview'))) {
          if (!outer.src.includes(`extensionId=${check.extensionId}`)) continue;
          const doc = outer.contentDocument?.querySelector<HTMLIFrameElement>('iframe#active-frame')?.contentDocument;
          const reqs = check.all.map((req) => {
            const els = doc ? Array.from(doc.querySelectorAll(req.selector)) : [];
            return `${req.selector}: ${els.length} found, ${els.filter(shown).length} shown, ${els.filter(inView).length} in view`;
          });
          seen.push(`webview ${shown(outer) ? 'shown' : 'hidden'}, page "${doc?.title ?? 'none'}": ${reqs.join('; ')}`);
        }
        return seen.length === 0 ? 'no webview of that extension in the window' : seen.join(' | ');
      };
      const done = new Promise<{ ms: number } | { error: string }>((resolve) => {
        const tick = (): void => {
          let ok = false;
          try {
            ok = visible();
          } catch (err) {
            resolve({ error: String(err) });
            return;
          }
          const now = performance.now();
          if (ok) resolve({ ms: now - start });
          else if (now - start > timeoutMs)
            resolve({ error: `not seen within ${timeoutMs} ms in a ${check.extensionId} webview: ${check.describe} (${whatIsThere()})` });
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const state: WatchState = { start, done };
      (window as unknown as Record<string, unknown>)['__benchWatch'] = state;
    },
    { check, timeoutMs },
  );
}

/** Milliseconds from startWatch to the content visible; throws when it was not seen in time. */
export async function finishWatch(page: Page): Promise<number> {
  const outcome = await page.evaluate(() => ((window as unknown as Record<string, unknown>)['__benchWatch'] as WatchState).done);
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome.ms;
}

/** Resolves once no visible webview of `extensionId` is left in the page. */
export async function waitWebviewGone(page: Page, extensionId: string): Promise<void> {
  await page.waitForFunction(
    (id) =>
      !Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe.webview')).some((f) => {
        const r = f.getBoundingClientRect();
        return f.src.includes(`extensionId=${id}`) && r.width > 0 && r.height > 0 && getComputedStyle(f).visibility !== 'hidden';
      }),
    extensionId,
    { timeout: 20_000, polling: 50 },
  );
}

/** Reads one text inside the visible webview of `extensionId` (undefined when not there). */
export async function readWebviewText(page: Page, extensionId: string, selector: string): Promise<string | undefined> {
  return page.evaluate(
    ({ extensionId, selector }) => {
      for (const outer of Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe.webview'))) {
        if (!outer.src.includes(`extensionId=${extensionId}`)) continue;
        const r = outer.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(outer).visibility === 'hidden') continue;
        const text = outer.contentDocument
          ?.querySelector<HTMLIFrameElement>('iframe#active-frame')
          ?.contentDocument?.querySelector(selector)?.textContent;
        if (text !== undefined && text !== null) return text.trim();
      }
      return undefined;
    },
    { extensionId, selector },
  );
}
