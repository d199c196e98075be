/**
 * The one atomic step of a team folder's compare-and-swap on a disk (see platform/teamFolder.ts):
 * a hard link, which the file system refuses when the new name is taken, whatever another process
 * does at the same moment. Node's fs only where the extension host is Node (the web worker has no
 * `process`); no `vscode` import, so it is tested in plain Node on a real disk.
 */
type FsPromises = typeof import('node:fs/promises');

function nodeFs(): FsPromises | null {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof host?.getBuiltinModule === 'function'
    ? ((host.getBuiltinModule('node:fs/promises') as FsPromises | undefined) ?? null)
    : null;
}

/** Codes of a file system or host that has no hard links (FAT, some network and FUSE file systems). */
const NO_LINKS: ReadonlySet<unknown> = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Gives the file at `from` the name `to` only if no file has it: links, then removes `from`. False
 * when `to` exists (nothing changed); 'unsupported' when there is no Node fs (`fs` null) or no hard link.
 */
export async function linkExclusive(from: string, to: string, fs: FsPromises | null = nodeFs()): Promise<boolean | 'unsupported'> {
  if (!fs) {
    return 'unsupported';
  }
  try {
    await fs.link(from, to);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST') {
      return false;
    }
    if (NO_LINKS.has(code)) {
      return 'unsupported';
    }
    throw error;
  }
  // The new name holds the file; a temporary name left behind when this fails is removed at a later load.
  await fs.unlink(from).catch(() => undefined);
  return true;
}
