import { isLessonToPage, type LessonPageState, type LessonToExtension } from '../protocol';
import { byId, connect, readInitialState } from '../../shared/page/vscodeApi';
import * as l10n from '../../shared/l10n';

const vscode = connect<LessonToExtension, LessonPageState>();
const state = readInitialState<LessonPageState>();
const markRead = byId<HTMLButtonElement>('mark-read');
const markReadLabel = byId('mark-read-label');

function showRead(read: boolean): void {
  markRead.setAttribute('aria-pressed', String(read));
  markReadLabel.textContent = read ? l10n.t('Read') : l10n.t('Mark as read');
  markRead.title = read ? l10n.t('Marked as read. Click to mark as unread.') : l10n.t('Mark this lesson as read');
  if (state) {
    vscode.setState({ ...state, read });
  }
}

if (state) {
  showRead(state.read);
  markRead.addEventListener('click', () => vscode.post({ type: 'setRead', read: markRead.getAttribute('aria-pressed') !== 'true' }));
  const go = (lessonId: string | undefined): void => {
    if (lessonId) {
      vscode.post({ type: 'navigate', lessonId });
    }
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-go]')) {
    button.addEventListener('click', () => go(button.dataset['go'] === 'previous' ? state.previousId : state.nextId));
  }
  document.addEventListener('keydown', (event) => {
    if (event.altKey && event.key === 'ArrowLeft') {
      go(state.previousId);
    } else if (event.altKey && event.key === 'ArrowRight') {
      go(state.nextId);
    }
  });
}

// Links in a lesson open in the browser through the extension, which accepts only http(s).
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (link instanceof HTMLAnchorElement) {
    event.preventDefault();
    vscode.post({ type: 'openLink', href: link.href });
  }
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isLessonToPage(event.data)) {
    showRead(event.data.read);
  }
});

byId('lesson').focus({ preventScroll: true });
