// A vitest globalSetup: the run's temporary files (every test's SQLite files, data and content folders, spawned
// servers' folders) go to a folder of their own in memory (/dev/shm) when the machine has one with room, and the folder
// is removed after the run. The tests still write real files through a real filesystem; only the disk's waits go
// (each SQLite commit's fsync, on a disk other jobs keep busy), which made an app's start in a test about twice as slow.
// A TMPDIR already set is kept as it is.
import { mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';

const GIB = 1024 ** 3;

/** /dev/shm when it exists and has at least `room` bytes free, else null. */
export function memoryTmp(room = 2 * GIB): string | null {
  try {
    const shm = statfsSync('/dev/shm');
    return shm.bavail * shm.bsize >= room ? '/dev/shm' : null;
  } catch {
    return null;
  }
}

const PREFIX = 'ruyi-vitest-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the folders of earlier runs that were killed before their teardown (memory is not freed otherwise). */
function removeOrphans(parent: string) {
  for (const name of readdirSync(parent)) {
    const pid = Number(/^ruyi-vitest-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

export default function setup(): () => void {
  if (process.env.TMPDIR) return () => undefined;
  const parent = memoryTmp();
  if (!parent) return () => undefined;
  removeOrphans(parent);
  const dir = mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
  // Set before the workers start, so they and every process they spawn inherit it (os.tmpdir() reads it).
  process.env.TMPDIR = dir;
  return () => {
    delete process.env.TMPDIR;
    rmSync(dir, { recursive: true, force: true });
  };
}
