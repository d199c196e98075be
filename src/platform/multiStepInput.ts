import * as vscode from 'vscode';

/** What one step of a guided input returns: a value, a step back, or Escape. */
export type StepResult<T> = { readonly kind: 'value'; readonly value: T } | { readonly kind: 'back' } | { readonly kind: 'cancel' };

interface StepFrame {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export interface InputStep extends StepFrame {
  readonly value?: string;
  readonly prompt: string;
  readonly placeholder?: string;
  /** Returns a message when the text cannot be accepted. */
  readonly validate: (value: string) => string | undefined;
}

export interface PickStep<T extends vscode.QuickPickItem> extends StepFrame {
  readonly items: readonly T[];
  readonly active?: T;
  readonly placeholder: string;
  /** Rebuilds the items as the user types, e.g. to offer a new name. */
  readonly itemsForValue?: (value: string) => readonly T[];
  /**
   * Decides what Enter accepts from the typed text and the active item. Enter can arrive before
   * the list has caught up with fast typing, when the active item is still a stale one.
   */
  readonly chooseOnAccept?: (value: string, active: T | undefined) => T | undefined;
  readonly value?: string;
}

function frame(input: vscode.QuickInput, step: StepFrame): void {
  input.title = step.title;
  input.step = step.step;
  input.totalSteps = step.totalSteps;
  input.ignoreFocusOut = true;
}

/** One text box of a multi-step input, with a Back button from the second step on. */
export function showInputStep(step: InputStep): Promise<StepResult<string>> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    frame(input, step);
    input.prompt = step.prompt;
    input.placeholder = step.placeholder;
    input.value = step.value ?? '';
    input.buttons = step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let settled = false;
    const finish = (result: StepResult<string>): void => {
      if (!settled) {
        settled = true;
        resolve(result);
        input.dispose();
      }
    };
    input.onDidChangeValue((value) => {
      input.validationMessage = value.length === 0 ? undefined : step.validate(value);
    });
    input.onDidAccept(() => {
      const message = step.validate(input.value);
      if (message) {
        input.validationMessage = message;
        return;
      }
      finish({ kind: 'value', value: input.value });
    });
    input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish({ kind: 'back' }));
    input.onDidHide(() => finish({ kind: 'cancel' }));
    input.show();
  });
}

/** One pick list of a multi-step input, with a Back button from the second step on. */
export function showPickStep<T extends vscode.QuickPickItem>(step: PickStep<T>): Promise<StepResult<T>> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    frame(pick, step);
    pick.placeholder = step.placeholder;
    pick.matchOnDescription = true;
    pick.items = step.items;
    if (step.value) {
      pick.value = step.value;
      pick.items = step.itemsForValue?.(step.value) ?? step.items;
    }
    if (step.active) {
      pick.activeItems = [step.active];
    }
    pick.buttons = step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let settled = false;
    const finish = (result: StepResult<T>): void => {
      if (!settled) {
        settled = true;
        resolve(result);
        pick.dispose();
      }
    };
    if (step.itemsForValue) {
      const rebuild = step.itemsForValue;
      pick.onDidChangeValue((value) => (pick.items = rebuild(value)));
    }
    pick.onDidAccept(() => {
      const active = pick.selectedItems[0] ?? pick.activeItems[0];
      const chosen = step.chooseOnAccept ? step.chooseOnAccept(pick.value, active) : active;
      if (chosen) {
        finish({ kind: 'value', value: chosen });
      }
    });
    pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish({ kind: 'back' }));
    pick.onDidHide(() => finish({ kind: 'cancel' }));
    pick.show();
  });
}

export interface MultiPickStep<T extends vscode.QuickPickItem> extends StepFrame {
  /** The items, perhaps read on the way (the list shows busy until they come). */
  readonly items: readonly T[] | Promise<readonly T[]>;
  /** Items checked when the list opens. */
  readonly selected: (items: readonly T[]) => readonly T[];
  readonly placeholder: string;
  /** The tooltip of the title-bar button that accepts nothing checked (skip the step). */
  readonly skipTooltip: string;
}

/**
 * One list of a multi-step input in which several items are checked, with a Back button from the
 * second step on and a Skip button: Enter accepts what is checked (nothing checked is a value too),
 * Skip accepts nothing checked, Escape cancels.
 */
export function showMultiPickStep<T extends vscode.QuickPickItem>(step: MultiPickStep<T>): Promise<StepResult<readonly T[]>> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    frame(pick, step);
    pick.canSelectMany = true;
    pick.placeholder = step.placeholder;
    pick.matchOnDescription = true;
    const skip: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('debug-step-over'), tooltip: step.skipTooltip };
    pick.buttons = [...(step.step > 1 ? [vscode.QuickInputButtons.Back] : []), skip];
    let settled = false;
    let loaded = false;
    /** Enter pressed while the items were still being read: accepted once they are there, as checked then. */
    let acceptWhenLoaded = false;
    const finish = (result: StepResult<readonly T[]>): void => {
      if (!settled) {
        settled = true;
        resolve(result);
        pick.dispose();
      }
    };
    const show = (items: readonly T[]): void => {
      if (!settled) {
        pick.items = items;
        pick.selectedItems = step.selected(items);
        pick.busy = false;
        loaded = true;
        if (acceptWhenLoaded) {
          finish({ kind: 'value', value: pick.selectedItems });
        }
      }
    };
    pick.busy = true;
    void Promise.resolve(step.items).then(show, () => show([]));
    pick.onDidAccept(() => {
      if (loaded) {
        finish({ kind: 'value', value: pick.selectedItems });
      } else {
        acceptWhenLoaded = true;
      }
    });
    pick.onDidTriggerButton((button) =>
      button === vscode.QuickInputButtons.Back
        ? finish({ kind: 'back' })
        : button === skip
          ? finish({ kind: 'value', value: [] })
          : undefined,
    );
    pick.onDidHide(() => finish({ kind: 'cancel' }));
    pick.show();
  });
}
