/**
 * One code-server with the product and the floor extension installed (nothing else of note),
 * one browser window: first the activation figures over reloads, then lesson panel vs Markdown
 * preview opens. Fresh user data, a temp workspace holding a copy of the lesson file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startCodeServer, type CodeServer } from '../test/e2e/harness/codeServer';
import { openWorkbench, type Workbench } from '../test/e2e/harness/workbench';
import { measureActivation, type ActivationResult, type ExtensionUnderTest } from './activation';
import { FLOOR_DISPLAY_NAME, FLOOR_EXTENSION_ID } from './floorExtension';
import { Keys, writeBenchKeybindings } from './keys';
import { measureLessonOpen, type LessonOpenResult } from './lessonOpen';
import { reason } from './stats';

export interface UiSessionOptions {
  productVsix: string;
  floorVsix: string;
  product: ExtensionUnderTest;
  lessonId: string;
  lessonFile: string;
  /** The lesson's h1 text, as both views render it. */
  h1Text: string;
  reloads: number;
  rounds: number;
}

export interface UiSessionResult {
  activation: ActivationResult;
  lessonOpen: LessonOpenResult;
}

const nullActivation = (why: string): ActivationResult => ({ activationMs: null, floorActivationMs: null, activationRatio: null, product: [], floor: [], why });
const nullLessonOpen = (why: string): LessonOpenResult => ({
  lessonOpenMs: null,
  markdownPreviewOpenMs: null,
  lessonOpenRatio: null,
  lessonSamples: [],
  markdownSamples: [],
  warmUp: {},
  why,
});

export async function runUiSession(opts: UiSessionOptions, log: (line: string) => void, track: (stop: () => Promise<void>) => void): Promise<UiSessionResult> {
  const base = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tlc-bench-ui-'));
  const workspaceDir = path.join(base, 'workspace');
  const markdownFile = `${opts.lessonId}.md`;
  await fs.promises.mkdir(workspaceDir, { recursive: true });
  await fs.promises.copyFile(opts.lessonFile, path.join(workspaceDir, markdownFile));
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const stop = async (): Promise<void> => {
    await workbench?.close();
    await server?.stop();
    await fs.promises.rm(base, { recursive: true, force: true });
  };
  track(stop);
  try {
    server = await startCodeServer({ vsixPaths: [opts.productVsix, opts.floorVsix], workspaceDir });
    await writeBenchKeybindings(server, { lessonId: opts.lessonId, markdownFile });
    workbench = await openWorkbench(server);
    const page = workbench.page;

    log(`activation (first load + ${opts.reloads} reloads):`);
    const activation = await measureActivation(page, server, opts.product, { id: FLOOR_EXTENSION_ID, displayName: FLOOR_DISPLAY_NAME }, opts.reloads, log);

    log(`lesson open vs Markdown preview (1 warm-up + ${opts.rounds} rounds):`);
    const h1 = { selector: 'h1', text: opts.h1Text };
    const lessonOpen = await measureLessonOpen(
      page,
      {
        lesson: { name: 'lesson panel', key: Keys.openLesson, check: { extensionId: opts.product.id, all: [h1], describe: `h1 "${opts.h1Text}" visible` } },
        markdown: { name: 'Markdown preview', key: Keys.markdownPreview, check: { extensionId: 'vscode.markdown-language-features', all: [h1], describe: `h1 "${opts.h1Text}" visible` } },
        fileName: markdownFile,
        rounds: opts.rounds,
      },
      log,
    );
    return { activation, lessonOpen };
  } catch (err) {
    const why = `code-server session failed: ${reason(err)}`;
    return { activation: nullActivation(why), lessonOpen: nullLessonOpen(why) };
  } finally {
    await stop();
  }
}
