// Small file-system steps that survive a power cut: data is fsynced before it is renamed into place, and the folder
// holding a rename is fsynced after it, so after a crash a file is either entirely old or entirely new.
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates a new file (never overwrites), writes it and fsyncs it. */
export async function writeFileSynced(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `path` atomically: temp file, fsync, rename, fsync of the folder. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = `${path}.tmp`;
  await rm(temp, { force: true });
  await writeFileSynced(temp, data);
  await rename(temp, path);
  await fsyncDir(dirname(path));
}

/** Writes a tree of files under `root` (which must exist), fsyncing every file and every folder it made. */
export async function writeTreeSynced(root: string, files: Iterable<[string, Uint8Array]>): Promise<void> {
  const dirs = new Set<string>([root]);
  for (const [relativePath, bytes] of files) {
    const path = join(root, ...relativePath.split('/'));
    const dir = dirname(path);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      for (let d = dir; d !== root && !dirs.has(d); d = dirname(d)) dirs.add(d);
    }
    await writeFileSynced(path, bytes);
  }
  // Deepest first, so each folder's entry in its parent is on disk after the folder's own entries.
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) await fsyncDir(dir);
}
