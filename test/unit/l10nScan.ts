/**
 * The scan behind "every string shown to the user goes through l10n.t": it parses a source file
 * with the TypeScript compiler and reports string and template literals with words in them that
 * reach a user-facing sink without `l10n.t`: a notification and its buttons, a quick pick's or
 * input box's texts, a tree item, a status-bar message, a webview panel's title, a page's
 * `textContent` and its aria-label / title attributes, HTML written into a page, a command's
 * failure title, an Undo confirmation, and the errors the domain's validators return or throw.
 */
import * as ts from 'typescript';

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly sink: string;
  readonly text: string;
}

/** Object properties whose value is shown: quick-pick items, input options, tree items, page models, validation results. */
const SHOWN_PROPERTIES: ReadonlySet<string> = new Set([
  'label',
  'description',
  'detail',
  'placeHolder',
  'placeholder',
  'prompt',
  'title',
  'tooltip',
  'text',
  'ariaLabel',
  'validationMessage',
  'saveLabel',
  'openLabel',
  'error',
  'problem',
  'reasonNote',
  // A field's name inside the validators' messages ("The {0} cannot be empty.").
  'what',
]);

/** Properties whose assignment shows text: `el.textContent = …`, `item.tooltip = …`, `input.placeholder = …`. */
const SHOWN_ASSIGNMENTS: ReadonlySet<string> = new Set([
  'textContent',
  'title',
  'tooltip',
  'label',
  'description',
  'text',
  'placeholder',
  'validationMessage',
  'ariaLabel',
]);

/** Attributes that are read out or shown. */
const SHOWN_ATTRIBUTES: ReadonlySet<string> = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
  'aria-valuetext',
]);

/** Calls whose arguments (by index; 'all' for every one) are shown. */
const SHOWN_ARGUMENTS: ReadonlyMap<string, readonly number[] | 'all'> = new Map<string, readonly number[] | 'all'>([
  ['showInformationMessage', 'all'],
  ['showWarningMessage', 'all'],
  ['showErrorMessage', 'all'],
  ['setStatusBarMessage', [0]],
  ['createWebviewPanel', [1]],
  ['appendMarkdown', [0]],
  ['appendText', [0]],
  // The title a command's or a background task's failure is reported under.
  ['registerCommand', [2]],
  ['runInBackground', [1]],
  ['validatedReceiver', [2]],
  ['confirmWithUndo', [1]],
  ['resolveTarget', [3]],
  // The domain's validation results.
  ['fail', [0]],
  // The pages' builders: a section's heading, a text that may be overdue.
  ['section', [1]],
  ['dueText', [0]],
  ['choice', [4]],
]);

/** Constructors whose first argument is shown: tree items, markdown, and every error (its message reaches the failure report). */
const SHOWN_CONSTRUCTIONS: ReadonlySet<string> = new Set(['TreeItem', 'MarkdownString', 'StoreRefusal']);
const isShownConstruction = (name: string): boolean => SHOWN_CONSTRUCTIONS.has(name) || name.endsWith('Error');

/** Calls that pass text through unchanged (escaping, breaking links): look inside them. */
const PASS_THROUGH: ReadonlySet<string> = new Set(['inert', 'inertMarkdown', 'escapeHtml', 'truncate', 'String', 'fail']);

/** Text that is not words: codicons `$(name)`, and markup without text between its tags. */
function hasWords(text: string): boolean {
  return /[A-Za-z]{2,}/.test(text.replace(/\$\([a-z-]+\)/g, ''));
}

/** Words between tags or in a shown attribute of HTML written as a literal. */
function markupWords(text: string): string | undefined {
  const between = /<[a-zA-Z][^>]*>([^<>]*[A-Za-z]{2,}[^<>]*)</.exec(text);
  if (between?.[1] !== undefined && hasWords(between[1].replace(/\$\{[\s\S]*\}/g, ''))) {
    return between[1].trim();
  }
  const attribute = /\b(?:aria-label|title|placeholder|alt)="([^"$]*[A-Za-z]{2,}[^"]*)"/.exec(text);
  return attribute?.[1];
}

function isL10nCall(node: ts.Node): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 't' &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'l10n'
  );
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** The literal text with words that `value` shows without going through l10n.t, if any. */
function bypass(value: ts.Expression, sf: ts.SourceFile): string | undefined {
  if (isL10nCall(value)) {
    return undefined;
  }
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) {
    return hasWords(value.text) ? value.text : undefined;
  }
  if (ts.isTemplateExpression(value)) {
    const parts = [value.head.text, ...value.templateSpans.map((span) => span.literal.text)].join(' ');
    if (hasWords(parts)) {
      return value.getText(sf);
    }
    return value.templateSpans.map((span) => bypass(span.expression, sf)).find((found) => found !== undefined);
  }
  if (ts.isParenthesizedExpression(value) || ts.isAsExpression(value) || ts.isNonNullExpression(value)) {
    return bypass(value.expression, sf);
  }
  if (ts.isConditionalExpression(value)) {
    return bypass(value.whenTrue, sf) ?? bypass(value.whenFalse, sf);
  }
  if (
    ts.isBinaryExpression(value) &&
    [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(value.operatorToken.kind)
  ) {
    return bypass(value.left, sf) ?? bypass(value.right, sf);
  }
  if (ts.isArrayLiteralExpression(value)) {
    return value.elements
      .map((element) => (ts.isExpression(element) ? bypass(element, sf) : undefined))
      .find((found) => found !== undefined);
  }
  if (ts.isCallExpression(value) && PASS_THROUGH.has(calleeName(value) ?? '')) {
    return value.arguments.map((arg) => bypass(arg, sf)).find((found) => found !== undefined);
  }
  if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && value.expression.name.text === 'join') {
    return bypass(value.expression.expression, sf);
  }
  return undefined;
}

/** Every bypass in one file's text. */
export function scanSource(file: string, text: string): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const report = (node: ts.Node, sink: string, found: string | undefined): void => {
    if (found !== undefined) {
      findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, sink, text: found });
    }
  };
  const visit = (node: ts.Node): void => {
    if (isL10nCall(node) || ts.isImportDeclaration(node)) {
      return;
    }
    if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      SHOWN_PROPERTIES.has(node.name.text)
    ) {
      report(node, `property ${node.name.text}`, bypass(node.initializer, sf));
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      SHOWN_ASSIGNMENTS.has(node.left.name.text)
    ) {
      report(node, `.${node.left.name.text} =`, bypass(node.right, sf));
    } else if (ts.isCallExpression(node)) {
      const name = calleeName(node) ?? '';
      const shown = SHOWN_ARGUMENTS.get(name);
      if (shown !== undefined) {
        node.arguments.forEach((arg, index) => {
          if (shown === 'all' || shown.includes(index)) {
            report(arg, `${name}() argument ${index + 1}`, bypass(arg, sf));
          }
        });
      }
      const first = node.arguments[0];
      const second = node.arguments[1];
      if (
        name === 'setAttribute' &&
        first !== undefined &&
        second !== undefined &&
        ts.isStringLiteral(first) &&
        SHOWN_ATTRIBUTES.has(first.text)
      ) {
        report(second, `setAttribute('${first.text}')`, bypass(second, sf));
      }
    } else if (ts.isNewExpression(node) && isShownConstruction(calleeName(node) ?? '') && node.arguments?.[0] !== undefined) {
      report(node, `new ${calleeName(node) ?? ''}()`, bypass(node.arguments[0], sf));
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      report(node, 'HTML text', markupWords(node.getText(sf)));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}
