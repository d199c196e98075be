import * as vscode from 'vscode';
import type { Lesson } from '../domain/lessons/lessons';
import { Commands, ContextValues } from '../ids';
import { Disposable } from '../platform/disposable';
import type { Services } from '../services';
import * as l10n from '../domain/core/l10n';

/** The Lessons tree: every lesson in reading order with its read mark; a click opens it. */
export class LessonsTreeProvider extends Disposable implements vscode.TreeDataProvider<Lesson> {
  private readonly changed = this.register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly services: Services) {
    super();
    this.register(services.whenLoaded(({ lessons }) => this.register(lessons.onDidChangeRead(() => this.changed.fire(undefined)))));
  }

  async getChildren(lesson?: Lesson): Promise<Lesson[]> {
    return lesson ? [] : [...(await (await this.services.loaded()).lessons.catalogue()).all()];
  }

  getTreeItem(lesson: Lesson): vscode.TreeItem {
    const read = this.services.lessons.isRead(lesson.id);
    const item = new vscode.TreeItem(lesson.title, vscode.TreeItemCollapsibleState.None);
    item.id = `lesson:${lesson.id}`;
    if (read) {
      item.description = l10n.t('read');
    }
    item.tooltip = lesson.summary;
    item.iconPath = new vscode.ThemeIcon(read ? 'pass-filled' : 'book');
    item.contextValue = ContextValues.lesson;
    item.command = { command: Commands.openLesson, title: l10n.t('Open Lesson'), arguments: [lesson.id] };
    item.accessibilityInformation = { label: read ? l10n.t('{0}, read', lesson.title) : lesson.title };
    return item;
  }
}
