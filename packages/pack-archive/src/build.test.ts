import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { localizeProblem } from '@ruyi/pack-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackArchive, PackBuildError, type BuiltArchive } from './build.ts';
import { canonicalFilesJson, sha256 } from './format.ts';
import { loadArchivePack, packFilesFromArchive } from './pack-files.ts';
import { readPackArchive } from './read.ts';

const CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));
const FIRE_DIR = join(CONTENT_DIR, 'packs/fire-dehui-2013');
const BUILT_AT = new Date('2025-03-01T08:00:00.000Z');

/** A temporary content folder holding a copy of the fire pack, to add files to or break. */
let tmp: string;
let packDir: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ruyi-archive-'));
  cpSync(join(CONTENT_DIR, 'park.yaml'), join(tmp, 'park.yaml'));
  packDir = join(tmp, 'packs/fire-dehui-2013');
  cpSync(FIRE_DIR, packDir, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function refused(dir: string, contentDir = tmp): Promise<string[]> {
  const error = await buildPackArchive(dir, { contentDir }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackBuildError);
  return (error as PackBuildError).errors.map((e) => `${e.file}${e.path ? ` ${e.path}` : ''}: ${e.message}`);
}

describe('buildPackArchive on the real fire pack', () => {
  let built: BuiltArchive;
  beforeAll(async () => {
    built = await buildPackArchive(FIRE_DIR, { contentDir: CONTENT_DIR, builtAt: BUILT_AT });
  });

  it('names the archive <id>-<version>.ruyipack.tgz and lists every file with its sha256', () => {
    expect(built.fileName).toBe('fire-dehui-2013-1.1.0.ruyipack.tgz');
    expect(built.meta).toEqual({
      format: 1,
      id: 'fire-dehui-2013',
      version: '1.1.0',
      schemaVersion: Number(/^schemaVersion: (\d+)$/m.exec(readFileSync(join(FIRE_DIR, 'pack.yaml'), 'utf8'))![1]),
      builtAt: '2025-03-01T08:00:00.000Z',
      files: {
        'pack.yaml': sha256(readFileSync(join(FIRE_DIR, 'pack.yaml'))),
        'scenarios/dehui-poultry-plant.yaml': sha256(readFileSync(join(FIRE_DIR, 'scenarios/dehui-poultry-plant.yaml'))),
      },
      digest: sha256(canonicalFilesJson(built.meta.files)),
    });
    expect(built.warnings).toEqual([]);
  });

  it('reads back byte for byte, and the pack inside loads', async () => {
    const read = await readPackArchive(built.bytes);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.meta).toEqual(built.meta);
    expect([...read.files.keys()]).toEqual(['pack.yaml', 'scenarios/dehui-poultry-plant.yaml']);
    expect(Buffer.from(read.files.get('pack.yaml')!)).toEqual(readFileSync(join(FIRE_DIR, 'pack.yaml')));
    const loaded = loadArchivePack(read);
    expect(loaded.ok && loaded.value.scenarios.map((s) => s.id)).toEqual(['dehui-poultry-plant']);
  });

  it('is deterministic: the same pack and builtAt give the same bytes', async () => {
    const again = await buildPackArchive(FIRE_DIR, { contentDir: CONTENT_DIR, builtAt: BUILT_AT });
    expect(Buffer.from(again.bytes).equals(Buffer.from(built.bytes))).toBe(true);
    const later = await buildPackArchive(FIRE_DIR, { contentDir: CONTENT_DIR, builtAt: new Date('2026-01-01T00:00:00Z') });
    expect(later.meta.digest).toBe(built.meta.digest);
  });

  it('writes ruyi-pack.json first, then the files in order, owned by 0:0 with a fixed mtime', () => {
    const tar = gunzipSync(built.bytes);
    const names: string[] = [];
    for (let off = 0; off + 512 <= tar.length; ) {
      const name = tar.subarray(off, off + 100).toString().replace(/\0.*$/s, '');
      if (!name) break;
      const size = parseInt(tar.subarray(off + 124, off + 136).toString(), 8);
      expect(tar.subarray(off + 108, off + 124).toString().replace(/\0/g, ' ').trim().split(/\s+/)).toEqual(['000000', '000000']);
      expect(parseInt(tar.subarray(off + 136, off + 148).toString(), 8)).toBe(Date.UTC(2000, 0, 1) / 1000);
      names.push(name);
      off += 512 + Math.ceil(size / 512) * 512;
    }
    expect(names).toEqual(['ruyi-pack.json', 'pack/pack.yaml', 'pack/scenarios/dehui-poultry-plant.yaml']);
  });
});

describe('buildPackArchive collects only pack files', () => {
  it('takes assets (non-ASCII names too) and leaves out notes and hidden files', async () => {
    mkdirSync(join(packDir, 'assets/sounds'), { recursive: true });
    writeFileSync(join(packDir, 'assets/sounds/警报.ogg'), 'not really audio');
    writeFileSync(join(packDir, 'assets/.DS_Store'), 'x');
    writeFileSync(join(packDir, 'notes.txt'), 'x');
    mkdirSync(join(packDir, '.git'));
    writeFileSync(join(packDir, 'scenarios/README.md'), 'x');
    try {
      const built = await buildPackArchive(packDir, { contentDir: tmp, builtAt: BUILT_AT });
      expect(Object.keys(built.meta.files)).toEqual(['assets/sounds/警报.ogg', 'pack.yaml', 'scenarios/dehui-poultry-plant.yaml']);
      expect(built.skipped).toEqual(['.git/', 'assets/.DS_Store', 'notes.txt', 'scenarios/README.md']);
      const read = await readPackArchive(built.bytes);
      expect(read.ok && new TextDecoder().decode(read.files.get('assets/sounds/警报.ogg'))).toBe('not really audio');
    } finally {
      rmSync(join(packDir, 'assets'), { recursive: true });
      rmSync(join(packDir, 'notes.txt'));
      rmSync(join(packDir, '.git'), { recursive: true });
      rmSync(join(packDir, 'scenarios/README.md'));
    }
  });

  it('refuses a symbolic link and a file name a pack may not have', async () => {
    mkdirSync(join(packDir, 'assets'));
    symlinkSync('/etc/hostname', join(packDir, 'assets/link.txt'));
    writeFileSync(join(packDir, 'assets/what?.png'), 'x');
    try {
      expect(await refused(packDir)).toEqual([
        'packs/fire-dehui-2013/assets/link.txt: is a symbolic link: put the file itself in the pack',
        expect.stringMatching(/^packs\/fire-dehui-2013\/assets\/what\?\.png: the file name contains a character that file names may not have/),
      ]);
    } finally {
      rmSync(join(packDir, 'assets'), { recursive: true });
    }
  });

  it('refuses a pack over the limits it would be read with', async () => {
    const error = await buildPackArchive(packDir, { contentDir: tmp, limits: { maxFileBytes: 10_000 } }).catch((e: PackBuildError) => e);
    expect((error as PackBuildError).errors.map((e) => e.message)).toEqual([expect.stringMatching(/^is \d+\.\d KiB; a file may be at most 9\.8 KiB$/)]);
  });

  it("says each refusal in the editor's language too", async () => {
    mkdirSync(join(packDir, 'assets'));
    symlinkSync('/etc/hostname', join(packDir, 'assets/link.txt'));
    writeFileSync(join(packDir, 'assets/what?.png'), 'x');
    try {
      const error = await buildPackArchive(packDir, { contentDir: tmp }).catch((e: PackBuildError) => e);
      const errors = (error as PackBuildError).errors;
      expect(errors.map((e) => e.code)).toEqual(['build.symlink', 'build.file-name']);
      expect(errors.map((e) => localizeProblem(e, 'zh-CN'))).toEqual(['是符号链接：请把文件本身放进内容包', expect.stringMatching(/^文件名.*：请改名$/)]);
      expect(localizeProblem(errors[1]!, 'zh-CN')).not.toMatch(/[A-Za-z]{3,}/);
    } finally {
      rmSync(join(packDir, 'assets'), { recursive: true });
    }
    const big = await buildPackArchive(packDir, { contentDir: tmp, limits: { maxFileBytes: 10_000 } }).catch((e: PackBuildError) => e);
    expect(localizeProblem((big as PackBuildError).errors[0]!, 'zh-CN')).toMatch(/^大小为 \d+\.\d KiB；单个文件最大 9\.8 KiB$/);
  });
});

describe('buildPackArchive refuses an invalid pack', () => {
  it('with the loader errors, file:line included', async () => {
    const scenario = join(packDir, 'scenarios/dehui-poultry-plant.yaml');
    const text = readFileSync(scenario, 'utf8');
    writeFileSync(scenario, text.replace('kind: fire-extinguisher', 'kind: sprinkler'));
    try {
      const error = (await buildPackArchive(packDir, { contentDir: tmp }).catch((e: unknown) => e)) as PackBuildError;
      expect(error.errors).toEqual([
        expect.objectContaining({ file: 'packs/fire-dehui-2013/scenarios/dehui-poultry-plant.yaml', line: expect.any(Number), message: expect.stringContaining('Invalid option') }),
      ]);
      expect(error.message).toMatch(/^the pack cannot be built:\n {2}packs\/fire-dehui-2013\/scenarios\/dehui-poultry-plant\.yaml:\d+:\d+ /);
    } finally {
      writeFileSync(scenario, text);
    }
  });

  it('whose area is not one of the park', async () => {
    const park = join(tmp, 'park.yaml');
    const text = readFileSync(park, 'utf8');
    writeFileSync(park, text.replace(/ {2}- id: fire\n(?: {4}.*\n)+/, ''));
    try {
      expect(await refused(packDir)).toEqual(["packs/fire-dehui-2013/pack.yaml area: area 'fire' is not an area of the park (park.yaml)"]);
    } finally {
      writeFileSync(park, text);
    }
  });

  it('when there is no park.yaml to check the area against, or no folder at all', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'ruyi-archive-bare-'));
    try {
      cpSync(FIRE_DIR, join(bare, 'packs/fire-dehui-2013'), { recursive: true });
      expect(await refused(join(bare, 'packs/fire-dehui-2013'), bare)).toEqual(['park.yaml: the content folder has no park.yaml']);
      expect(await refused(join(bare, 'packs/nope'), bare)).toEqual(['packs/nope: there is no pack folder here']);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('packFilesFromArchive', () => {
  it('gives loadPack the manifest and the scenario files, with paths under dir', () => {
    const files = new Map([
      ['pack.yaml', new TextEncoder().encode('id: x')],
      ['scenarios/a.yaml', new TextEncoder().encode('id: a')],
      ['assets/a.yaml', new TextEncoder().encode('not a scenario')],
    ]);
    const { readAsset, ...packFiles } = packFilesFromArchive(files, 'packs/x');
    expect(packFiles).toEqual({
      dir: 'packs/x',
      manifest: { path: 'packs/x/pack.yaml', text: 'id: x' },
      scenarios: { 'a.yaml': { path: 'packs/x/scenarios/a.yaml', text: 'id: a' } },
    });
    expect(readAsset?.('a.yaml')).toBe(files.get('assets/a.yaml'));
    expect(readAsset?.('missing.png')).toBeNull();
    expect(packFilesFromArchive(new Map(), 'packs/x').manifest).toBeNull();
  });
});
