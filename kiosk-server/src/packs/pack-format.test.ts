// An upload's archive problems carry their codes, so the admin page says every one in the staff's language: the
// archive reader's (gzip, tar, paths, links, checksums, ruyi-pack.json) and this server's own checks.
import { isMessageCode, localizeProblem, renderMessage, type MessageCode, type PackError } from '@ruyi/pack-schema';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { handMadeArchive, metaFor, packFiles, tgz } from '../test-support/archives.ts';
import { login, setPasswordDirectly } from '../test-support/admin.ts';
import { AREAS } from '../test-support/fixture-content.ts';
import { createTestEnv } from '../test-support/test-app.ts';
import { checkArchive } from './pack-format.ts';

const meta = { id: 'fire-extra', version: '1.1.0' };

async function problems(bytes: Uint8Array, areas: readonly string[] | null = AREAS): Promise<PackError[]> {
  const result = await checkArchive(bytes, areas);
  if (result.ok) throw new Error('the archive was accepted');
  return result.errors;
}

/** Each problem has a catalogue code, its English is that code's, and its Chinese is a translation, not the English. */
function expectCoded(found: readonly PackError[], code: MessageCode) {
  expect(found.map((p) => p.code)).toContain(code);
  for (const p of found) {
    expect(isMessageCode(p.code), `${p.message}: ${String(p.code)}`).toBe(true);
    expect(renderMessage(p.code as MessageCode, p.params ?? {}, 'en', p.path)).toBe(p.message);
    const zh = localizeProblem(p, 'zh-CN');
    expect(zh, p.message).toMatch(/\p{Script=Han}/u);
    expect(zh).not.toContain(p.message);
  }
}

describe('an archive the server refuses, by code', () => {
  it('not a gzip, no tar inside, cut short, compressed twice', async () => {
    const notGzip = await problems(new TextEncoder().encode('just some text, not gzip'));
    expectCoded(notGzip, 'archive.not-gzip');
    expect(notGzip[0]).toMatchObject({ file: '(archive)', path: '' });
    expect(localizeProblem(notGzip[0]!, 'zh-CN')).toBe('这不是内容包压缩包：.ruyipack.tgz 是用 gzip 压缩的，而这个文件不是');

    expectCoded(await problems(new Uint8Array(gzipSync('no tar headers in here at all'.repeat(30)))), 'archive.no-tar');
    const whole = handMadeArchive(packFiles(meta), meta);
    expectCoded(await problems(whole.subarray(0, whole.length - 20)), 'archive.cut-short');
    expectCoded(await problems(new Uint8Array(gzipSync(whole))), 'archive.compressed-twice');
  });

  it('paths and links, with the reason in the reader’s language', async () => {
    const climbing = await problems(handMadeArchive(packFiles(meta), meta, [{ path: 'pack/../escaped.txt', bytes: Buffer.from('x') }]));
    expectCoded(climbing, 'archive.entry-path');
    expect(climbing[0]!.message).toBe("'pack/../escaped.txt' climbs out of the archive with '..'");
    expect(localizeProblem(climbing[0]!, 'zh-CN')).toBe('路径“pack/../escaped.txt”用“..”跳出了压缩包');

    const hidden = await problems(handMadeArchive(packFiles(meta), meta, [{ path: 'pack/assets/.secret', bytes: Buffer.from('x') }]));
    expect(localizeProblem(hidden[0]!, 'zh-CN')).toBe('路径“pack/assets/.secret”是隐藏文件（文件名以点开头）');

    const link = await problems(handMadeArchive(packFiles(meta), meta, [{ path: 'pack/assets/passwd', type: 'symlink', linkpath: '/etc/passwd' }]));
    expectCoded(link, 'archive.link');
    expect(localizeProblem(link[0]!, 'zh-CN')).toBe('“pack/assets/passwd”是符号链接（指向“/etc/passwd”）：内容包压缩包只能包含普通文件');
  });

  it('files that do not match ruyi-pack.json', async () => {
    const files = packFiles(meta);
    files.set('assets/a.txt', Buffer.from('original'));
    const changed = tgz([
      { path: 'ruyi-pack.json', bytes: metaFor(files, meta) },
      ...[...files].map(([path, bytes]) => ({ path: `pack/${path}`, bytes: path === 'assets/a.txt' ? Buffer.from('changed!') : bytes })),
    ]);
    const found = await problems(changed);
    expectCoded(found, 'archive.tampered-checksum');
    expect(localizeProblem(found[0]!, 'zh-CN')).toBe('被改动过：“assets/a.txt”与 ruyi-pack.json 中的校验和不符（压缩包生成后文件被修改了）');
  });

  it('a ruyi-pack.json that is not JSON, or names a bad id', async () => {
    const files = packFiles(meta);
    const withMeta = (bytes: Uint8Array) => tgz([{ path: 'ruyi-pack.json', bytes }, ...[...files].map(([path, data]) => ({ path: `pack/${path}`, bytes: data }))]);
    const notJson = await problems(withMeta(Buffer.from('{ format: 1')));
    expectCoded(notJson, 'archive.meta-json');
    // The parser's own words stay as a detail after the reason.
    expect(localizeProblem(notJson[0]!, 'zh-CN')).toMatch(/^ruyi-pack\.json 不是有效的 JSON：\S/);

    const badId = await problems(withMeta(metaFor(files, { ...meta, id: 'Not An Id' })));
    expectCoded(badId, 'archive.meta-field');
    expect(badId[0]!.message).toBe('ruyi-pack.json id: must be kebab-case: lower-case letters, digits and single hyphens');
    expect(localizeProblem(badId[0]!, 'zh-CN')).toBe('ruyi-pack.json 中的 id：只能用小写字母、数字和单个连字符（例如 fire-dehui-2013）');
  });

  it('this server’s own checks: an area the park lacks, a park that did not load', async () => {
    const archive = handMadeArchive(packFiles({ ...meta, area: 'earthquake' }), meta);
    const area = await problems(archive);
    expectCoded(area, 'install.area-not-in-park');
    expect(area[0]!.message).toBe(`area 'earthquake' is not an area of the park (${AREAS.join(', ')})`);
    expect(localizeProblem(area[0]!, 'zh-CN')).toBe(`“earthquake”不是园区的区域（园区的区域：${AREAS.join(', ')}）`);

    expectCoded(await problems(handMadeArchive(packFiles(meta), meta), null), 'install.park-not-loaded');
  });
});

describe('the upload route passes the codes on', () => {
  it('a broken archive: 400 whose details carry each problem’s code and params, nothing installed', async () => {
    const env = createTestEnv();
    try {
      const app = await env.start();
      await setPasswordDirectly(app);
      const auth = await login(app);
      const whole = handMadeArchive(packFiles(meta), meta);
      const res = await app.inject({
        method: 'POST',
        url: '/api/admin/packs',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        payload: Buffer.from(whole.subarray(0, whole.length - 20)),
      });
      expect(res.statusCode, res.body).toBe(400);
      const [detail, ...more] = res.json().details as PackError[];
      expect(more).toEqual([]);
      expect(detail).toEqual({ file: '(archive)', path: '', message: 'the archive is cut short: the gzip data ends too early (an incomplete download?)', code: 'archive.cut-short', params: {} });
      expect(localizeProblem(detail!, 'zh-CN')).toBe('压缩包不完整：gzip 数据提前结束（可能没有下载完）');
      const listed = await app.inject({ method: 'GET', url: '/api/admin/packs', headers: auth });
      expect((listed.json().packs as { id: string }[]).map((p) => p.id)).not.toContain(meta.id);
    } finally {
      await env.cleanup();
    }
  });
});
