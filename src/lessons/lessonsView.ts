import * as vscode from 'vscode';
import type { Lesson } from '../domain/lessons';
import { Commands, ContextValues, Views, WebviewPanels } from '../ids';
import { Disposable } from '../platform/disposable';
import type { Services } from '../services';
import { lazyModule } from '../platform/lazyModule';
import type * as LessonReaderBundle from './reader';

const reader = lazyModule<typeof LessonReaderBundle>('lessonReader.js');

/** The Lessons tree: every lesson in reading order with its read mark; a click opens it. */
class LessonsTreeProvider extends Disposable implements vscode.TreeDataProvider<Lesson> {
  private readonly changed = this.register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly services: Services) {
    super();
    this.register(services.lessons.onDidChangeRead(() => this.changed.fire(undefined)));
  }

  async getChildren(lesson?: Lesson): Promise<Lesson[]> {
    return lesson ? [] : [...(await this.services.lessons.catalogue()).all()];
  }

  getTreeItem(lesson: Lesson): vscode.TreeItem {
    const read = this.services.lessons.isRead(lesson.id);
    const item = new vscode.TreeItem(lesson.title, vscode.TreeItemCollapsibleState.None);
    item.id = `lesson:${lesson.id}`;
    if (read) {
      item.description = 'read';
    }
    item.tooltip = lesson.summary;
    item.iconPath = new vscode.ThemeIcon(read ? 'pass-filled' : 'book');
    item.contextValue = ContextValues.lesson;
    item.command = { command: Commands.openLesson, title: 'Open Lesson', arguments: [lesson.id] };
    item.accessibilityInformation = { label: `${lesson.title}${read ? ', read' : ''}` };
    return item;
  }
}

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
      void vscode.window.showErrorMessage(`There is no lesson "${id}".`);
      return;
    }
    panel ??= reader().createLessonPanel(services, () => (panel = undefined));
    await panel.show(id, catalogue);
  };
  const provider = new LessonsTreeProvider(services);
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
