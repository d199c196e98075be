import { validateCodePath } from './delegations';

/**
 * What a code link's picker offers: the folders of the workspace, read two levels deep, and the
 * path of the file open in the editor. Paths as a code link holds them (see CodeLink): relative to
 * the workspace folder with forward slashes, folders ending with `/`, prefixed with the folder's
 * name (`api/billing/`) in a workspace of several folders. No VS Code here: the caller reads.
 */

/** A workspace folder as the picker reads it. */
export interface CodeRoot {
  /** `''` in a workspace of one folder, else the folder's name and a slash (`api/`). */
  readonly prefix: string;
  /** The entries of a folder under the root (`''` is the root): names, and whether each is a folder. */
  readonly read: (relative: string) => Promise<readonly (readonly [name: string, isFolder: boolean])[]>;
}

/** The most folders the picker lists: a monorepo's two top levels can be very many. */
export const CODE_FOLDERS_MAX = 500;

/** Folders never offered: version control, dependencies, and every dot-folder (`.vscode`, `.github`…). */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * The folders of each root, two levels deep (`billing/`, `billing/retry/`), in the order of the
 * roots and then by name, each level's folders right after their parent. A folder whose entries
 * cannot be read is listed without what is under it; a name no code link could hold is left out.
 * At most `max` folders.
 */
export async function listCodeFolders(roots: readonly CodeRoot[], max = CODE_FOLDERS_MAX): Promise<string[]> {
  const found: string[] = [];
  const foldersOf = async (root: CodeRoot, relative: string): Promise<string[]> => {
    let entries: readonly (readonly [string, boolean])[];
    try {
      entries = await root.read(relative);
    } catch {
      return [];
    }
    return entries
      .filter(([name, isFolder]) => isFolder && !isSkippedFolder(name) && !name.includes('/') && !name.includes('\\'))
      .map(([name]) => name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  };
  for (const root of roots) {
    for (const top of await foldersOf(root, '')) {
      if (found.length >= max) {
        return found;
      }
      const path = `${root.prefix}${top}/`;
      if (!validateCodePath(path).ok) {
        continue;
      }
      found.push(path);
      for (const sub of await foldersOf(root, top)) {
        const subPath = `${path}${sub}/`;
        if (found.length >= max) {
          return found;
        }
        if (validateCodePath(subPath).ok) {
          found.push(subPath);
        }
      }
    }
  }
  return found;
}

/**
 * The code-link path of a file (`/work/repo/src/auth/session.ts` under the folder `/work/repo`
 * gives `src/auth/session.ts`, with `prefix` before it), or undefined when it is not under the
 * folder or is no path a link could hold. Both are URI paths (forward slashes).
 */
export function relativeCodePath(folderPath: string, filePath: string, prefix: string): string | undefined {
  const base = folderPath.endsWith('/') ? folderPath : `${folderPath}/`;
  if (!filePath.startsWith(base) || filePath.length === base.length) {
    return undefined;
  }
  const path = `${prefix}${filePath.slice(base.length)}`;
  return validateCodePath(path).ok ? path : undefined;
}

/** The prefix of a workspace folder's paths: none in a workspace of one folder, else its last path segment and a slash, as the repository signals name it. */
export function folderPrefix(folderPath: string, folderCount: number): string {
  if (folderCount <= 1) {
    return '';
  }
  const name = folderPath.replace(/\/+$/, '').split('/').pop() ?? '';
  return name === '' ? '' : `${name}/`;
}
