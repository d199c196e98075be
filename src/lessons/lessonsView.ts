import * as vscode from 'vscode';
import { inert } from '../domain/inertText';
import type { Lesson } from '../domain/lessons';
import { Commands, Views, WebviewPanels } from '../ids';
import { lazyModule } from '../platform/lazyModule';
import { LazyTreeDataProvider } from '../platform/lazyTreeDataProvider';
import type { Services } from '../services';
import { views } from '../views/load';
import type * as LessonReaderBundle from './reader';

const reader = lazyModule<typeof LessonReaderBundle>('lessonReader.js');

export interface LessonsFeature {
  readonly disposables: vscode.Disposable[];
  /** The lesson the reader shows, if it is open. */
  currentLessonId(): string | undefined;
}

export function registerLessonsView(services: Services): LessonsFeature {
  let panel: LessonReaderBundle.LessonPanel | undefined;
  const open = async (lessonId: unknown): Promise<void> => {
    const catalogue = await services.lessons.catalogue();
    let id = typeof lessonId === 'string' ? lessonId : (lessonId as Lesson | undefined)?.id;
    if (id === undefined) {
      const chosen = await vscode.window.showQuickPick(
        catalogue.all().map((l) => ({ label: l.title, detail: l.summary, id: l.id })),
        { placeHolder: 'Open which lesson?', matchOnDetail: true },
      );
      id = chosen?.id;
    }
    if (id === undefined) {
      return;
    }
    if (!catalogue.get(id)) {
      void vscode.window.showErrorMessage(inert(`There is no lesson "${String(id)}".`));
      return;
    }
    panel ??= reader().createLessonPanel(services, () => (panel = undefined));
    await panel.show(id, catalogue);
  };
  const provider = new LazyTreeDataProvider(() => views().createLessonsTree(services));
  const disposables = [
    provider,
    vscode.window.registerTreeDataProvider(Views.lessons, provider),
    vscode.commands.registerCommand(Commands.openLesson, open),
    vscode.window.registerWebviewPanelSerializer(WebviewPanels.lesson, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel, state: unknown) {
        const id = typeof state === 'object' && state !== null ? (state as { id?: unknown }).id : undefined;
        const catalogue = await services.lessons.catalogue();
        panel = reader().createLessonPanel(services, () => (panel = undefined), restored);
        if (typeof id !== 'string' || !(await panel.show(id, catalogue))) {
          panel.dispose();
        }
      },
    }),
    { dispose: () => panel?.dispose() },
  ];
  return { disposables, currentLessonId: () => panel?.currentLessonId };
}
