import { readPageMessage } from '../shared/pageMessages';

/** Messages between the lesson panel and the extension. Both sides import this module. */

/** What the page script needs; the lesson itself is already in the page's HTML. */
export interface LessonPageState {
  readonly id: string;
  readonly read: boolean;
  readonly previousId?: string;
  readonly nextId?: string;
}

export type LessonToPage = { readonly type: 'read'; readonly read: boolean };

export type LessonToExtension =
  | { readonly type: 'navigate'; readonly lessonId: string }
  | { readonly type: 'setRead'; readonly read: boolean }
  | { readonly type: 'openLink'; readonly href: string };

const MAX_HREF = 2048;

/** The extension accepts only these exact shapes from the page. */
export function isLessonToExtension(message: unknown): message is LessonToExtension {
  const m = readPageMessage(message);
  const { lessonId, read, href } = m?.fields ?? {};
  switch (m?.type) {
    case 'navigate':
      return m.keys === 'lessonId,type' && typeof lessonId === 'string' && lessonId.length <= 100;
    case 'setRead':
      return m.keys === 'read,type' && typeof read === 'boolean';
    case 'openLink':
      return m.keys === 'href,type' && typeof href === 'string' && href.length <= MAX_HREF;
    default:
      return false;
  }
}

export function isLessonToPage(message: unknown): message is LessonToPage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'read' &&
    typeof (message as { read?: unknown }).read === 'boolean'
  );
}

/** Only web links leave the editor. */
export function isExternalWebLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
