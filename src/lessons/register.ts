import * as vscode from 'vscode';
import { inert } from '../domain/core/inertText';
import type { Lesson } from '../domain/lessons/lessons';
import { Commands, Views, WebviewPanels } from '../ids';
import { registerCommand } from '../platform/commands';
import { lazyPart } from '../platform/lazy';
import type { Services } from '../services';
import type * as LessonsLazy from './lazy';
import type { LessonPanel } from './lazy/lessonPanel';
import { LessonsTreeProvider } from './lessonsTree';
import * as l10n from '../domain/core/l10n';

const reader = lazyPart<typeof LessonsLazy>(() => import('./lazy'));

export interface LessonsFeature {
  readonly disposables: vscode.Disposable[];
  /** The lesson the reader shows, if it is open. */
  currentLessonId(): string | undefined;
}

/**
 * The Lessons feature: the Lessons tree (at start-up: small, and the lesson files are read on first
 * use) and the lesson reader (webview panel and markdown-it), which loads when a lesson first opens.
 */
export function registerLessons(services: Services): LessonsFeature {
  let panel: LessonPanel | undefined;
  const open = async (lessonId: unknown): Promise<void> => {
    const catalogue = await (await services.loaded()).lessons.catalogue();
    let id = typeof lessonId === 'string' ? lessonId : (lessonId as Lesson | undefined)?.id;
    if (id === undefined) {
      const chosen = await vscode.window.showQuickPick(
        catalogue.all().map((l) => ({ label: l.title, detail: l.summary, id: l.id })),
        { placeHolder: l10n.t('Open which lesson?'), matchOnDetail: true },
      );
      id = chosen?.id;
    }
    if (id === undefined) {
      return;
    }
    if (!catalogue.get(id)) {
      void vscode.window.showErrorMessage(inert(l10n.t('There is no lesson "{0}".', String(id))));
      return;
    }
    const { createLessonPanel } = await reader.load();
    panel ??= createLessonPanel(services, () => (panel = undefined));
    await panel.show(id, catalogue);
  };
  const provider = new LessonsTreeProvider(services);
  const disposables = [
    provider,
    vscode.window.registerTreeDataProvider(Views.lessons, provider),
    registerCommand(services.log, Commands.openLesson, l10n.t('Open Lesson'), open),
    vscode.window.registerWebviewPanelSerializer(WebviewPanels.lesson, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel, state: unknown) {
        const id = typeof state === 'object' && state !== null ? (state as { id?: unknown }).id : undefined;
        const catalogue = await (await services.loaded()).lessons.catalogue();
        panel = (await reader.load()).createLessonPanel(services, () => (panel = undefined), restored);
        if (typeof id !== 'string' || !(await panel.show(id, catalogue))) {
          panel.dispose();
        }
      },
    }),
    { dispose: () => panel?.dispose() },
  ];
  return { disposables, currentLessonId: () => panel?.currentLessonId };
}
