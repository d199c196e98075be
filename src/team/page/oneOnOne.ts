import { isOneOnOneToPage, type OneOnOneFormState, type OneOnOneToExtension } from '../protocol';
import { byId, connect, readInitialState } from '../../shared/page/vscodeApi';
import * as l10n from '../../shared/l10n';

/**
 * The Log 1:1 form: plain HTML controls, so the keyboard, screen readers and themes work as they do
 * everywhere else. The extension checks what is sent with the same rules as the command's argument
 * and answers with the problems, shown in the alert region; nothing is saved until they are fixed.
 */
const vscode = connect<OneOnOneToExtension, OneOnOneFormState>();
const state = readInitialState<OneOnOneFormState>();
const form = byId<HTMLFormElement>('one-on-one');
const person = byId<HTMLInputElement>('person');
const date = byId<HTMLInputElement>('date');
const notes = byId<HTMLTextAreaElement>('notes');
const errors = byId('errors');

function option(list: HTMLElement, value: string): void {
  const element = document.createElement('option');
  element.value = value;
  list.append(element);
}

function choice(container: HTMLElement, type: 'radio' | 'checkbox', name: string, value: string, label: string, checked: boolean): void {
  const wrapper = document.createElement('label');
  wrapper.className = 'choice';
  const input = document.createElement('input');
  input.type = type;
  input.name = name;
  input.value = value;
  input.checked = checked;
  const text = document.createElement('span');
  text.textContent = label;
  wrapper.append(input, text);
  container.append(wrapper);
}

if (state) {
  const list = byId('people');
  state.people.forEach((name) => option(list, name));
  // What was typed before this script ran (a fast typist, a slow machine) is kept.
  if (person.value === '') {
    person.value = state.person ?? '';
  }
  if (date.value === '') {
    date.value = state.today;
  }
  date.max = state.today;
  const moods = byId('moods');
  choice(moods, 'radio', 'mood', '', l10n.t('Not recorded'), true);
  state.moods.forEach((m) => choice(moods, 'radio', 'mood', String(m.value), `${m.value}, ${m.word}`, false));
  const topics = byId('topics');
  state.topics.forEach((t) => choice(topics, 'checkbox', 'topic', t.value, t.label, false));
  (state.person ? date : person).focus();
}

function send(): void {
  const mood = form.querySelector<HTMLInputElement>('input[name="mood"]:checked')?.value ?? '';
  vscode.post({
    type: 'save',
    form: {
      person: person.value,
      date: date.value,
      mood: mood === '' ? null : Number(mood),
      topics: [...form.querySelectorAll<HTMLInputElement>('input[name="topic"]:checked')].map((input) => input.value),
      notes: notes.value,
    },
  });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  send();
});
byId('cancel').addEventListener('click', () => vscode.post({ type: 'cancel' }));
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    event.preventDefault();
    send();
  }
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isOneOnOneToPage(event.data)) {
    errors.replaceChildren(...event.data.errors.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
    errors.hidden = event.data.errors.length === 0;
    errors.focus();
  }
});
