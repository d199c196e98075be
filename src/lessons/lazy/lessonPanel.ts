import * as vscode from 'vscode';
import type { Lesson, LessonCatalogue } from '../../domain/lessons/lessons';
import { WebviewPanels } from '../../ids';
import { UserFacingError } from '../../domain/core/errors';
import { Disposable } from '../../platform/disposable';
import { readText } from '../../platform/files';
import { runInBackground } from '../../platform/commands';
import { validatedReceiver } from '../../platform/webviewMessages';
import { pageFiles, pageWebviewOptions, renderPage } from '../../platform/webviewHtml';
import { escapeHtml } from '../../shared/html';
import { isExternalWebLink, isLessonToExtension, type LessonPageState, type LessonToExtension, type LessonToPage } from '../protocol';
import type { Services } from '../../services';
import * as l10n from '../../domain/core/l10n';

function navButton(direction: 'previous' | 'next', lesson: Lesson | undefined): string {
  if (!lesson) {
    return `<span class="nav-spacer"></span>`;
  }
  const arrow = direction === 'previous' ? 'arrow-left' : 'arrow-right';
  const previous = direction === 'previous';
  const label = escapeHtml(previous ? l10n.t('Previous') : l10n.t('Next'));
  const title = escapeHtml(previous ? l10n.t('Previous lesson (Alt+Left)') : l10n.t('Next lesson (Alt+Right)'));
  const ariaLabel = escapeHtml(previous ? l10n.t('Previous lesson: {0}', lesson.title) : l10n.t('Next lesson: {0}', lesson.title));
  const icon = `<span class="codicon codicon-${arrow}" aria-hidden="true"></span>`;
  const text = `<span class="nav-text"><span class="nav-label">${label}</span><span class="nav-title">${escapeHtml(lesson.title)}</span></span>`;
  return `<button class="button secondary nav-${direction}" data-go="${direction}" title="${title}" aria-label="${ariaLabel}">${previous ? icon + text : text + icon}</button>`;
}

/** Every lesson's HTML by id, read from the extension's files once, when the first lesson opens. */
let renderedLessons: Promise<ReadonlyMap<string, string>> | undefined;

/**
 * dist/lessons/lessons.json, which the build writes (scripts/lessons.mjs): an object of HTML strings
 * by lesson id. Anything else in it holds no lesson.
 */
async function readRenderedLessons(file: vscode.Uri): Promise<ReadonlyMap<string, string>> {
  const parsed: unknown = JSON.parse(await readText(file));
  if (typeof parsed !== 'object' || parsed === null) {
    return new Map();
  }
  return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The lesson reader: one panel, reused, with previous/next and Mark as read. */
export class LessonPanel extends Disposable {
  private lessonId: string | undefined;

  constructor(
    private readonly services: Services,
    private readonly panel: vscode.WebviewPanel,
    private readonly onDisposed: () => void,
  ) {
    super();
    const receive = validatedReceiver(services.log, 'lesson panel', l10n.t('The lesson panel action'), isLessonToExtension, (message) =>
      this.handle(message),
    );
    this.register(panel.webview.onDidReceiveMessage(receive));
    this.register(
      services.lessons.onDidChangeRead(() => runInBackground(services.log, l10n.t('Update the lesson page'), () => this.postRead())),
    );
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  private async readRenderedLesson(id: string): Promise<string> {
    const file = vscode.Uri.joinPath(this.services.extensionUri, 'dist', 'lessons', 'lessons.json');
    renderedLessons ??= readRenderedLessons(file);
    let html: string | undefined;
    try {
      html = (await renderedLessons).get(id);
      if (html === undefined) {
        this.services.log.error(`The rendered lessons ${file.toString(true)} have no lesson "${id}"`);
      }
    } catch (error) {
      renderedLessons = undefined;
      this.services.log.error(`Could not read the rendered lessons ${file.toString(true)}`, error);
    }
    if (html === undefined) {
      throw new UserFacingError(
        l10n.t('The lesson "{0}" is missing from this installation. Reinstalling Tech Lead Coach restores it.', id),
        'error',
      );
    }
    return html;
  }

  get currentLessonId(): string | undefined {
    return this.lessonId;
  }

  async show(lessonId: string, catalogue: LessonCatalogue): Promise<boolean> {
    const lesson = catalogue.get(lessonId);
    if (!lesson) {
      return false;
    }
    // Rendered at build time (lessons/build/renderLessons.ts, markdown-it with HTML off; scripts/lessons.mjs).
    const html = await this.readRenderedLesson(lesson.id);
    this.lessonId = lesson.id;
    const all = catalogue.all();
    const index = all.indexOf(lesson);
    const previous = all[index - 1];
    const next = all[index + 1];
    const state: LessonPageState = {
      id: lesson.id,
      read: this.services.lessons.isRead(lesson.id),
      ...(previous ? { previousId: previous.id } : {}),
      ...(next ? { nextId: next.id } : {}),
    };
    this.panel.title = lesson.title;
    this.panel.webview.html = renderPage(this.panel.webview, {
      title: lesson.title,
      ...pageFiles(this.services.extensionUri, 'lesson'),
      initialState: state,
      body: `
<main class="lesson-page">
  <p class="position">${escapeHtml(l10n.t('Lesson {0} of {1}', index + 1, all.length))}</p>
  <article id="lesson" class="lesson" tabindex="-1" aria-label="${escapeHtml(lesson.title)}">
${html}
  </article>
  <div class="read-row">
    <button id="mark-read" class="button primary" aria-pressed="false"><span class="codicon codicon-check" aria-hidden="true"></span><span id="mark-read-label">${escapeHtml(l10n.t('Mark as read'))}</span></button>
  </div>
  <nav class="lesson-nav" aria-label="${escapeHtml(l10n.t('Lessons'))}">
    ${navButton('previous', previous)}
    ${navButton('next', next)}
  </nav>
</main>`,
    });
    this.panel.reveal(undefined, false);
    return true;
  }

  private async postRead(): Promise<void> {
    if (this.lessonId) {
      const message: LessonToPage = { type: 'read', read: this.services.lessons.isRead(this.lessonId) };
      await this.panel.webview.postMessage(message);
    }
  }

  private async handle(message: LessonToExtension): Promise<void> {
    switch (message.type) {
      case 'navigate': {
        const catalogue = await this.services.lessons.catalogue();
        if (!(await this.show(message.lessonId, catalogue))) {
          this.services.log.warn(`The lesson panel asked for an unknown lesson: ${message.lessonId}`);
        }
        return;
      }
      case 'setRead':
        if (this.lessonId) {
          await this.services.lessons.setRead(this.lessonId, message.read);
        }
        return;
      case 'openLink':
        if (isExternalWebLink(message.href)) {
          await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
        } else {
          this.services.log.warn(`Refused to open a non-web link from a lesson: ${message.href}`);
        }
        return;
    }
  }

  override dispose(): void {
    super.dispose();
    this.panel.dispose();
    this.onDisposed();
  }
}

export function createLessonPanel(services: Services, onDisposed: () => void, existing?: vscode.WebviewPanel): LessonPanel {
  const options = pageWebviewOptions(services.extensionUri);
  const panel = existing ?? vscode.window.createWebviewPanel(WebviewPanels.lesson, l10n.t('Lesson'), vscode.ViewColumn.Active, options);
  if (existing) {
    // A panel VS Code restored after a reload gets its options here; a new one got them when it was made.
    existing.webview.options = options;
  }
  panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'lesson-icon.svg');
  return new LessonPanel(services, panel, onDisposed);
}
