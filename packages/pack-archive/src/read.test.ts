import { isMessageCode, localizeProblem, renderMessage } from '@ruyi/pack-schema';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canonicalFilesJson, sha256 } from './format.ts';
import { readPackArchive } from './read.ts';
import { gzipBomb, metaFor, packEntries, rawTar, tgz, type RawEntry } from './test-support/craft.ts';

const FILES = { 'pack.yaml': 'id: tiny-pack\n', 'scenarios/tiny.yaml': 'id: tiny\n' };

async function errorsOf(bytes: Uint8Array, limits = {}): Promise<string[]> {
  const result = await readPackArchive(bytes, limits);
  expect(result.ok, 'expected the archive to be refused').toBe(false);
  return result.ok ? [] : result.errors;
}
const withExtra = (...extra: RawEntry[]) => tgz([...packEntries(FILES), ...extra]);

describe('readPackArchive accepts', () => {
  it('a well-formed archive, giving files by path inside the pack folder', async () => {
    const result = await readPackArchive(tgz(packEntries(FILES)));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.meta.id).toBe('tiny-pack');
    expect(Object.fromEntries([...result.files].map(([p, b]) => [p, new TextDecoder().decode(b)]))).toEqual(FILES);
  });

  it('empty files, folder entries and a ustar prefix for long paths', async () => {
    const long = `assets/${'a'.repeat(90)}/${'b'.repeat(60)}.png`;
    const files = { ...FILES, 'assets/empty.txt': '', [long]: 'png' };
    const folders: RawEntry[] = ['pack/', 'pack/assets/', 'pack/scenarios/'].map((path) => ({ path, type: 'Directory' }));
    const result = await readPackArchive(tgz([...folders, ...packEntries(files)]));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect([...result.files.keys()].sort()).toEqual(Object.keys(files).sort());
    expect(await errorsOf(tgz([{ path: 'pack/../../', type: 'Directory' }, ...packEntries(files)]))).toEqual(["'pack/../../' climbs out of the archive with '..'"]);
  });
});

describe('readPackArchive refuses, saying why', () => {
  it('a path that climbs out with ..', async () => {
    expect(await errorsOf(withExtra({ path: 'pack/../x', data: 'x' }))).toEqual(["'pack/../x' climbs out of the archive with '..'"]);
    expect(await errorsOf(withExtra({ path: '../x', data: 'x' }))).toEqual(["'../x' climbs out of the archive with '..'"]);
  });

  it('an absolute path', async () => {
    expect(await errorsOf(withExtra({ path: '/etc/x', data: 'x' }))).toEqual(["'/etc/x' is an absolute path"]);
    expect(await errorsOf(withExtra({ path: 'C:/x', data: 'x' }))).toEqual(["'C:/x' is an absolute path"]);
  });

  it('a backslash, an entry outside pack/, a hidden file and a file a pack may not hold', async () => {
    expect(
      await errorsOf(
        withExtra(
          { path: 'pack\\..\\x', data: 'x' },
          { path: 'evil.sh', data: 'x' },
          { path: 'pack/assets/.hidden', data: 'x' },
          { path: 'pack/notes.txt', data: 'x' },
        ),
      ),
    ).toEqual([
      "'pack\\..\\x' contains a backslash",
      "'evil.sh' is outside the pack/ folder (only ruyi-pack.json may be at the top)",
      "'pack/assets/.hidden' is a hidden file (its name starts with a dot)",
      "'pack/notes.txt' is not part of a pack (a pack holds only pack.yaml, scenarios/*.yaml and assets/**)",
    ]);
  });

  it('a symbolic link, a hard link, a device and a FIFO', async () => {
    expect(
      await errorsOf(
        withExtra(
          { path: 'pack/assets/a.png', type: 'SymbolicLink', linkpath: '/etc/passwd' },
          { path: 'pack/assets/b.png', type: 'Link', linkpath: 'pack/pack.yaml' },
          { path: 'pack/assets/c', type: 'CharacterDevice' },
          { path: 'pack/assets/d', type: 'FIFO' },
        ),
      ),
    ).toEqual([
      "'pack/assets/a.png' is a symbolic link (to '/etc/passwd'): a pack archive holds only plain files",
      "'pack/assets/b.png' is a hard link (to 'pack/pack.yaml'): a pack archive holds only plain files",
      "'pack/assets/c' is a device file: a pack archive holds only plain files",
      "'pack/assets/d' is a named pipe (FIFO): a pack archive holds only plain files",
    ]);
  });

  it('the same entry twice, also when the names differ only in case', async () => {
    expect(await errorsOf(withExtra({ path: 'pack/pack.yaml', data: 'id: other\n' }))).toEqual([
      "'pack/pack.yaml' is in the archive twice (or twice with names that differ only in case)",
    ]);
    expect(await errorsOf(withExtra({ path: 'pack/Pack.yaml', data: 'x' }))).toEqual([expect.stringContaining("'pack/Pack.yaml' is not part of a pack")]);
    const files = { ...FILES, 'assets/a.png': 'a' };
    expect(await errorsOf(tgz([...packEntries(files), { path: 'pack/assets/A.png', data: 'A' }]))).toEqual([
      "'pack/assets/A.png' is in the archive twice (or twice with names that differ only in case)",
    ]);
  });

  it('a file over maxFileBytes, from its header, before reading its data', async () => {
    const big = { ...FILES, 'assets/big.bin': new Uint8Array(2048) };
    expect(await errorsOf(tgz(packEntries(big)), { maxFileBytes: 1024 })).toEqual(["'pack/assets/big.bin' is 2.0 KiB; a file may be at most 1.0 KiB"]);
    // A header may claim a size its data does not have: the claim alone is refused, with the default 32 MiB limit.
    const liar = gzipSync(Buffer.concat([rawTar([{ path: 'pack/assets/huge.bin', size: 40 * 1024 * 1024 }], { end: false })]));
    expect(await errorsOf(new Uint8Array(liar))).toEqual(["'pack/assets/huge.bin' is 40.0 MiB; a file may be at most 32.0 MiB"]);
  });

  it('files that add up to more than maxTotalBytes', async () => {
    const files = { ...FILES, 'assets/a.bin': new Uint8Array(600), 'assets/b.bin': new Uint8Array(600) };
    expect(await errorsOf(tgz(packEntries(files)), { maxTotalBytes: 1024 })).toEqual([
      'the files in the archive add up to more than 1.0 KiB, the most a pack may have',
    ]);
  });

  it('more than maxFiles entries', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`assets/${i}.txt`, `${i}`]));
    expect(await errorsOf(tgz(packEntries({ ...FILES, ...files })), { maxFiles: 10 })).toEqual([
      'the archive has more than 10 entries, the most a pack archive may have',
    ]);
  });

  it('a gzip bomb: a few KiB that inflate past the limit, stopped while inflating', async () => {
    const bomb = await gzipBomb(16);
    expect(bomb.byteLength).toBeLessThan(20 * 1024);
    expect(await errorsOf(bomb, { maxTotalBytes: 1024 * 1024 })).toEqual([
      'uncompressed, the archive grows past 1.0 MiB, the most a pack may hold; stopped reading it (a compression bomb?)',
    ]);
  });

  it('a gzip bomb against the default limits, without inflating it all', async () => {
    // 512 MiB of zeros in about 500 KiB; refused at the 256 MiB mark (how long that takes is a benchmark's business).
    const bomb = await gzipBomb(512);
    expect(await errorsOf(bomb)).toEqual([expect.stringMatching(/^uncompressed, the archive grows past 256\.0 MiB.*stopped reading it/)]);
  }, 20_000);

  it('a file changed after the build ("tampered")', async () => {
    const entries = packEntries(FILES);
    entries[2] = { path: 'pack/scenarios/tiny.yaml', data: 'id: evil\n' };
    expect(await errorsOf(tgz(entries))).toEqual([
      "tampered: 'scenarios/tiny.yaml' does not match its checksum in ruyi-pack.json (the file was changed after the archive was built)",
    ]);
  });

  it('an extra file the metadata does not list ("tampered")', async () => {
    expect(await errorsOf(withExtra({ path: 'pack/assets/extra.png', data: 'x' }))).toEqual([
      "tampered: 'assets/extra.png' is in the archive but not listed in ruyi-pack.json",
    ]);
  });

  it('a listed file missing from the archive ("tampered")', async () => {
    const entries = packEntries(FILES).filter((e) => e.path !== 'pack/scenarios/tiny.yaml');
    expect(await errorsOf(tgz(entries))).toEqual(["tampered: 'scenarios/tiny.yaml' is listed in ruyi-pack.json but is not in the archive"]);
  });

  it('a digest that does not match the file list ("tampered")', async () => {
    const entries = packEntries(FILES);
    entries[0] = { path: 'ruyi-pack.json', data: metaFor(FILES, { digest: sha256(canonicalFilesJson({})) }) };
    expect(await errorsOf(tgz(entries))).toEqual(['tampered: the digest in ruyi-pack.json does not match its list of files']);
  });

  it('a missing, unreadable or invalid ruyi-pack.json', async () => {
    expect(await errorsOf(tgz(packEntries(FILES).slice(1)))).toEqual([
      'the archive has no ruyi-pack.json, so it is not a pack archive (or it is damaged)',
    ]);
    const bad = (data: string) => tgz([{ path: 'ruyi-pack.json', data }, ...packEntries(FILES).slice(1)]);
    expect(await errorsOf(bad('{ format: 1'))).toEqual([expect.stringMatching(/^ruyi-pack\.json is not valid JSON: /)]);
    expect(await errorsOf(bad(metaFor(FILES, { format: 2, id: 'Not An Id', builtAt: 'yesterday', extra: true })))).toEqual([
      'ruyi-pack.json format: must be 1, the archive format this version reads',
      'ruyi-pack.json id: must be kebab-case: lower-case letters, digits and single hyphens',
      'ruyi-pack.json builtAt: must be a date and time like 2025-01-31T09:30:00.000Z',
      'ruyi-pack.json: Unrecognized key: "extra"',
    ]);
    expect(await errorsOf(bad(metaFor({ ...FILES, '../x': 'x' })))).toEqual([expect.stringContaining("ruyi-pack.json files: '../x' climbs out of its folder with '..'")]);
  });

  it('what is not a gzip, not a tar, cut short, or compressed twice', async () => {
    expect(await errorsOf(new TextEncoder().encode('hello'))).toEqual([
      'this is not a pack archive: a .ruyipack.tgz is gzip-compressed, and this file is not',
    ]);
    expect(await errorsOf(new Uint8Array(gzipSync('just some text, no tar headers in here at all'.repeat(20))))).toEqual([
      'the archive holds no tar data (it is not a .ruyipack.tgz)',
    ]);
    const whole = tgz(packEntries(FILES));
    expect(await errorsOf(whole.subarray(0, whole.length - 20))).toEqual([
      'the archive is cut short: the gzip data ends too early (an incomplete download?)',
    ]);
    expect(await errorsOf(new Uint8Array(gzipSync(whole)))).toEqual([
      'the archive is compressed twice; a .ruyipack.tgz is a tar compressed once with gzip',
    ]);
  });
});

describe('every problem the reader finds has its code', () => {
  async function problemsOf(bytes: Uint8Array, limits = {}) {
    const result = await readPackArchive(bytes, limits);
    if (result.ok) throw new Error('the archive was accepted');
    expect(result.problems.map((p) => p.message)).toEqual(result.errors);
    return result.problems;
  }

  it('in English as it always read, and in Chinese from the code', async () => {
    const whole = tgz(packEntries(FILES));
    const changed = packEntries(FILES);
    changed[2] = { path: 'pack/scenarios/tiny.yaml', data: 'id: evil\n' };
    const broken = [
      new TextEncoder().encode('hello'),
      new Uint8Array(gzipSync('just some text, no tar headers in here at all'.repeat(20))),
      whole.subarray(0, whole.length - 20),
      new Uint8Array(gzipSync(whole)),
      withExtra({ path: 'pack/../x', data: 'x' }, { path: 'evil.sh', data: 'x' }, { path: 'pack/assets/a.png', type: 'SymbolicLink', linkpath: '/etc/passwd' }),
      withExtra({ path: 'pack/pack.yaml', data: 'id: other\n' }),
      tgz(changed),
      withExtra({ path: 'pack/assets/extra.png', data: 'x' }),
      tgz(packEntries(FILES).slice(1)),
      tgz([{ path: 'ruyi-pack.json', data: '{ format: 1' }, ...packEntries(FILES).slice(1)]),
      tgz([{ path: 'ruyi-pack.json', data: metaFor(FILES, { format: 2, id: 'Not An Id', extra: true }) }, ...packEntries(FILES).slice(1)]),
      tgz([{ path: 'ruyi-pack.json', data: metaFor({ ...FILES, '../x': 'x' }) }, ...packEntries(FILES).slice(1)]),
    ];
    const found = (await Promise.all(broken.map((b) => problemsOf(b)))).flat();
    expect(found.length).toBeGreaterThanOrEqual(broken.length);
    for (const p of found) {
      expect(isMessageCode(p.code), `${p.message}: ${p.code}`).toBe(true);
      expect(renderMessage(p.code, p.params, 'en')).toBe(p.message);
      const zh = localizeProblem(p, 'zh-CN');
      expect(zh, p.message).toMatch(/\p{Script=Han}/u);
      expect(zh, p.message).not.toContain(p.message);
    }
    // A path's reason in the reader's language too, named by its own code.
    const climbing = found.find((p) => p.message === "'pack/../x' climbs out of the archive with '..'")!;
    expect(climbing).toMatchObject({ code: 'archive.entry-path', params: { path: 'pack/../x', reasonCode: 'reason.entry-climbs' } });
    expect(localizeProblem(climbing, 'zh-CN')).toBe('路径“pack/../x”用“..”跳出了压缩包');
    const unknownKey = found.find((p) => p.message === 'ruyi-pack.json: Unrecognized key: "extra"')!;
    expect(localizeProblem(unknownKey, 'zh-CN')).toBe('ruyi-pack.json 有误：未知字段“extra”（请检查拼写）');
    const metaPath = found.find((p) => p.code === 'archive.meta-file-path')!;
    expect(localizeProblem(metaPath, 'zh-CN')).toBe('ruyi-pack.json 的 files 中，“../x”用“..”跳出了所在的文件夹');
  });

  // The archive's refusals reach staff: a problem written as English text alone, rather than by its code, fails here.
  const SOURCES = [
    new URL('./read.ts', import.meta.url),
    new URL('./build.ts', import.meta.url),
    new URL('./format.ts', import.meta.url),
    new URL('./pack-files.ts', import.meta.url),
    new URL('../../../kiosk-server/src/packs/pack-format.ts', import.meta.url),
  ];
  const CALL = /(?:\b(?:problem|stop|fail|archiveError|push)\(|\b(?:message|error): )(['"`])((?:\\.|(?!\1).)*)\1/g;
  // Words outside ${…}: a text made only of other texts (`'${path}' ${reason.message}`) is not English of its own.
  const englishIn = (text: string) =>
    [...text.matchAll(CALL)].map((m) => m[2]!).filter((literal) => /[A-Za-z]{2,}/.test(literal.replace(/\$\{[^}]*\}/g, '')));

  it('would see a problem written as English', () => {
    expect(englishIn("problem(`'${path}' is a link`);")).toEqual(["'${path}' is a link"]);
    expect(englishIn("errors.push({ file, path: key, message: `pack.yaml says ${key}` });")).toEqual(['pack.yaml says ${key}']);
    expect(englishIn("return fail('not a gzip');")).toEqual(['not a gzip']);
    expect(englishIn("problem(coded('archive.twice', { path }));")).toEqual([]);
    expect(englishIn("ctx.addIssue({ code: 'custom', message: `'${path}' ${reason.message}` });")).toEqual([]);
  });

  it('writes none', () => {
    const texts = SOURCES.map((url) => ({ file: url.pathname, text: readFileSync(url, 'utf8') }));
    expect(texts.flatMap(({ file, text }) => englishIn(text).map((t) => `${file}: ${t}`))).toEqual([]);
  });
});
