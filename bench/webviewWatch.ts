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

/**
 * What one open's time is made of, in ms from the key press (the workbench page's clock), read from
 * the webview that met the check: when its element was first shown, when VS Code's host document in
 * it started and loaded, when the frame for the page started loading (its own `performance.timeOrigin`;
 * VS Code loads an empty page there and writes the HTML into it once that loaded: the DOMContentLoaded
 * and load are the empty page's), the page's own requests (scripts, styles, fonts) by name with when
 * each ended, when the content was first in the page (the frame still hidden), and when it was visible.
 * `documents` counts the page frames seen in that extension's webviews: 2 means the page loaded twice.
 */
export interface OpenPhases {
  shown: number | null;
  /** The webview's host document (VS Code's, in the element): when it started loading, and its load event. */
  hostStart: number | null;
  hostLoaded: number | null;
  documentStart: number | null;
  /** When the page's first request started: its HTML is in the document by then. */
  firstRequest: number | null;
  domContentLoaded: number | null;
  loaded: number | null;
  requests: { name: string; end: number }[];
  /** The checked elements were in a page frame (not yet necessarily shown: VS Code shows the frame on its load event). */
  contentIn: number | null;
  documents: number;
  visible: number;
}

interface WatchState {
  start: number;
  done: Promise<{ ms: number; phases: OpenPhases } | { error: string }>;
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
      const present = (doc: Document, req: Requirement): boolean =>
        Array.from(doc.querySelectorAll(req.selector)).some((el) => {
          const text = el.textContent?.trim() ?? '';
          return (req.text === undefined || text === req.text) && (!req.nonEmpty || text !== '');
        });
      let shownAt: number | null = null;
      let contentAt: number | null = null;
      let hostWindow: Window | null = null;
      const documents = new Set<Document>();
      /** The page document that meets the check, if any; notes the milestones on the way. */
      const visible = (): Document | undefined => {
        for (const outer of Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe.webview'))) {
          if (!outer.src.includes(`extensionId=${check.extensionId}`) || !shown(outer)) continue;
          if (shownAt === null) {
            shownAt = performance.now() - start;
            hostWindow = outer.contentWindow;
          }
          for (const frame of Array.from(outer.contentDocument?.querySelectorAll<HTMLIFrameElement>('iframe') ?? [])) {
            const doc = frame.contentDocument;
            if (doc && doc.URL !== 'about:blank') documents.add(doc);
            if (contentAt === null && doc && check.all.every((req) => present(doc, req))) contentAt = performance.now() - start;
          }
          const inner = outer.contentDocument?.querySelector<HTMLIFrameElement>('iframe#active-frame');
          const doc = inner?.contentDocument;
          if (!inner || !doc || !shown(inner)) continue;
          if (check.all.every((req) => meets(doc, req))) return doc;
        }
        return undefined;
      };
      const phasesOf = (doc: Document, visibleAt: number): OpenPhases => {
        const win = doc.defaultView;
        const origin = win ? win.performance.timeOrigin - performance.timeOrigin - start : null;
        const at = (t: number | undefined): number | null => (origin === null || !t ? null : origin + t);
        const nav = win?.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const resources = win?.performance.getEntriesByType('resource') ?? [];
        const requests = resources.map((e) => ({
          name: e.name.replace(/[?#].*$/, '').replace(/^.*\//, ''),
          end: at(e.startTime + e.duration) ?? 0,
        }));
        const hostOrigin = hostWindow ? hostWindow.performance.timeOrigin - performance.timeOrigin - start : null;
        const hostNav = hostWindow?.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          shown: shownAt,
          hostStart: hostOrigin,
          hostLoaded: hostOrigin === null || !hostNav?.loadEventEnd ? null : hostOrigin + hostNav.loadEventEnd,
          documentStart: origin,
          firstRequest: resources.length === 0 ? null : at(Math.min(...resources.map((e) => e.startTime))),
          domContentLoaded: at(nav?.domContentLoadedEventEnd),
          loaded: at(nav?.loadEventEnd),
          requests,
          contentIn: contentAt,
          documents: documents.size,
          visible: visibleAt,
        };
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
      const done = new Promise<{ ms: number; phases: OpenPhases } | { error: string }>((resolve) => {
        const tick = (): void => {
          let met: Document | undefined;
          try {
            met = visible();
          } catch (err) {
            resolve({ error: String(err) });
            return;
          }
          const now = performance.now();
          if (met) resolve({ ms: now - start, phases: phasesOf(met, now - start) });
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
  return (await finishWatchPhases(page)).visible;
}

/** The same, with what the time was made of. */
export async function finishWatchPhases(page: Page): Promise<OpenPhases> {
  const outcome = await page.evaluate(() => ((window as unknown as Record<string, unknown>)['__benchWatch'] as WatchState).done);
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome.phases;
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
