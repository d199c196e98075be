import { randomName } from './ids';
import { NO_SLICES, type Slices } from './slices';

type Pace = Pick<Slices, 'due' | 'maybeYield'>;

/**
 * Below this size a text is parsed in one call. JSON.parse took about 40 ms per 5 MB on the
 * benchmark machine (2 cores, loaded); a file of that size is already far beyond a year of a busy
 * lead's export, so only larger files take the sliced path.
 */
export const WHOLE_PARSE_MAX = 1024 * 1024;

/**
 * Parses JSON like JSON.parse, but a large object is parsed in slices so the host is never held
 * for long: its top-level arrays are cut into their elements (one pass over the text, which yields
 * as it goes), the object without them is parsed once, and each element on its own. Any text that
 * is not an object whose top-level values are plain JSON goes to JSON.parse whole, so what is
 * accepted and every error message are JSON.parse's.
 */
export async function parseJson(text: string, slices: Pace = NO_SLICES): Promise<unknown> {
  if (text.length <= WHOLE_PARSE_MAX) {
    return JSON.parse(text);
  }
  const cut = await cutTopLevelArrays(text, slices);
  if (cut === undefined) {
    return JSON.parse(text);
  }
  // Each top-level array becomes a placeholder string no file can hold (a random token), so the
  // parsed object says where each array's elements go, whatever its keys.
  const token = `\u0000array:${randomName(12)}:`;
  let skeleton = '';
  let at = 0;
  cut.forEach((array, n) => {
    skeleton += `${text.slice(at, array.open)}${JSON.stringify(`${token}${n}`)}`;
    at = array.close + 1;
  });
  skeleton += text.slice(at);
  const root = JSON.parse(skeleton) as Record<string, unknown>;
  for (const key of Object.keys(root)) {
    const value = root[key];
    if (typeof value !== 'string' || !value.startsWith(token)) {
      continue;
    }
    const array = cut[Number(value.slice(token.length))];
    const list: unknown[] = [];
    for (const [from, to] of array?.elements ?? []) {
      list.push(JSON.parse(text.slice(from, to)));
      if (slices.due()) {
        await slices.maybeYield();
      }
    }
    root[key] = list;
  }
  return root;
}

interface CutArray {
  /** The positions of `[` and of its `]`. */
  readonly open: number;
  readonly close: number;
  /** Each element's text, [from, to). */
  readonly elements: [number, number][];
}

/**
 * The top-level arrays of a JSON object, with their elements' positions, or undefined when the text
 * is not an object, or not one this scanner is sure of (then JSON.parse decides).
 */
async function cutTopLevelArrays(text: string, slices: Pace): Promise<CutArray[] | undefined> {
  let depth = 0;
  let inString = false;
  let started = false;
  let array: { open: number; elements: [number, number][]; elementStart: number } | undefined;
  const arrays: CutArray[] = [];
  for (let i = 0; i < text.length; i++) {
    if ((i & 0xffff) === 0 && slices.due()) {
      await slices.maybeYield();
    }
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) {
        i++;
      } else if (c === 0x22 /* " */) {
        inString = false;
      }
      continue;
    }
    if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (!started) {
        if (c !== 0x7b) {
          return undefined;
        }
        started = true;
      } else if (depth === 1 && c === 0x5b) {
        array = { open: i, elements: [], elementStart: i + 1 };
      }
      depth++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      if (depth === 1 && c === 0x5d && array) {
        const last = text.slice(array.elementStart, i).trim();
        if (last.length > 0) {
          array.elements.push([array.elementStart, i]);
        } else if (array.elements.length > 0) {
          return undefined; // a trailing comma: JSON.parse says what is wrong
        }
        arrays.push({ open: array.open, close: i, elements: array.elements });
        array = undefined;
      }
      if (depth < 0) {
        return undefined;
      }
    } else if (c === 0x2c /* , */ && depth === 2 && array) {
      array.elements.push([array.elementStart, i]);
      array.elementStart = i + 1;
    }
  }
  return started && depth === 0 && !inString ? arrays : undefined;
}
