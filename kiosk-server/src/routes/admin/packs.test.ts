// Installing packs while the park runs, against real folders and a real SQLite file in a temp dir.
import { SCHEMA_VERSION } from '@ruyi/pack-schema';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { STAGING_DIR, STATE_FILE } from '../../packs/store.ts';
import { buildArchive, handMadeArchive, packFiles, sha256, tgz } from '../../test-support/archives.ts';
import { login, setPasswordDirectly } from '../../test-support/admin.ts';
import { PACK_ID, scenario, SCENARIO_ID } from '../../test-support/fixture-content.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';

let env: TestEnv;
let app: App;
let auth: { authorization: string };
let work: string;

async function start(options?: Parameters<TestEnv['start']>[0]) {
  app = await env.start(options);
  await setPasswordDirectly(app);
  auth = await login(app);
}

beforeEach(async () => {
  env = createTestEnv();
  work = join(env.root, 'work');
  mkdirSync(work);
  await start();
});
afterEach(() => env.cleanup());

const packsDir = () => join(env.config.dataDir, 'packs');
const upload = (bytes: Uint8Array, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/admin/packs',
    headers: { ...auth, 'content-type': 'application/octet-stream', ...headers },
    payload: Buffer.from(bytes),
  });
const list = async () => (await app.inject({ method: 'GET', url: '/api/admin/packs', headers: auth })).json().packs as Record<string, unknown>[];
const content = async () => (await app.inject({ method: 'GET', url: '/api/content' })).json() as { packs: { id: string; version: string; title: { en: string } }[]; problems: unknown[] };
const livePack = async (id: string) => (await content()).packs.find((p) => p.id === id);
const asset = (id: string, path: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: `/api/packs/${id}/assets/${path}`, headers });
const build = (variant: Parameters<typeof buildArchive>[2]) => buildArchive(work, env.config.contentDir, variant);

/** Every file and folder under the data folder: path → kind and content hash (the database files by name only). */
function tree(root = env.config.dataDir): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) out[rel] = `link → ${readlinkSync(path)}`;
      else if (stat.isDirectory()) {
        out[rel] = 'dir';
        walk(path);
      } else out[rel] = name.startsWith('ruyi.sqlite') ? 'db' : createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return out;
}
const stagingEntries = () => readdirSync(join(packsDir(), STAGING_DIR));

describe('installing a pack', () => {
  it('lists it, serves it in /api/content and serves its assets', async () => {
    const archive = await build({ id: 'fire-extra', title: 'Extra fire pack', assets: { 'models/panel.glb': 'glTF-binary', 'img/sign.png': 'png-bytes', 'narration.mp3': 'mp3' } });
    const res = await upload(archive.bytes);
    expect(res.statusCode, res.body).toBe(201);
    const key = `1.0.0-${archive.meta.digest.slice(0, 8)}`;
    expect(res.json()).toEqual({ status: 'installed', id: 'fire-extra', version: '1.0.0', key });

    // The store's layout on disk.
    const versionDir = join(packsDir(), 'fire-extra', key);
    expect(readFileSync(join(versionDir, 'pack.yaml'), 'utf8')).toContain('Extra fire pack');
    expect(existsSync(join(versionDir, 'scenarios', `${SCENARIO_ID}.yaml`))).toBe(true);
    expect(readFileSync(join(versionDir, 'assets', 'models', 'panel.glb'), 'utf8')).toBe('glTF-binary');
    const state = JSON.parse(readFileSync(join(packsDir(), 'fire-extra', STATE_FILE), 'utf8'));
    expect(state).toMatchObject({ current: key, history: [] });
    expect(stagingEntries()).toEqual([]);

    expect(await list()).toEqual([
      expect.objectContaining({ id: 'fire-extra', source: 'installed', version: '1.0.0', area: 'fire', live: true, current: key, previousVersions: [], builtIn: false }),
      expect.objectContaining({ id: PACK_ID, source: 'built-in', version: '1.0.0', area: 'fire', live: true, current: null, previousVersions: [], builtIn: true }),
    ]);
    const installedAt = (await list())[0]!.installedAt as string;
    expect(Date.now() - Date.parse(installedAt)).toBeLessThan(60_000);

    expect((await livePack('fire-extra'))?.title.en).toBe('Extra fire pack');
    expect((await content()).problems).toEqual([]);

    const glb = await asset('fire-extra', 'models/panel.glb');
    expect(glb.statusCode).toBe(200);
    expect(glb.body).toBe('glTF-binary');
    expect(glb.headers['content-type']).toBe('model/gltf-binary');
    expect(glb.headers['cache-control']).toBe('no-cache');
    expect(glb.headers['x-ruyi-asset-version']).toBe(`installed-${key}`);
    expect(glb.headers.etag).toContain(key);
    expect((await asset('fire-extra', 'img/sign.png')).headers['content-type']).toBe('image/png');
    expect((await asset('fire-extra', 'narration.mp3')).headers['content-type']).toBe('audio/mpeg');
    // Revalidation, and a version-keyed URL that may be kept.
    expect((await asset('fire-extra', 'models/panel.glb', { 'if-none-match': glb.headers.etag as string })).statusCode).toBe(304);
    const pinned = await app.inject({ method: 'GET', url: `/api/packs/fire-extra/assets/models/panel.glb?v=installed-${key}` });
    expect(pinned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('a second version becomes current; rollback serves the previous one again', async () => {
    const v1 = await build({ version: '1.0.0', title: 'Version one', assets: { 'a.txt': 'one' } });
    const v2 = await build({ version: '1.1.0', title: 'Version two', assets: { 'a.txt': 'two' } });
    expect((await upload(v1.bytes)).statusCode).toBe(201);
    const first = await asset('fire-extra', 'a.txt');
    expect((await upload(v2.bytes)).statusCode).toBe(201);
    expect((await livePack('fire-extra'))?.title.en).toBe('Version two');
    const second = await asset('fire-extra', 'a.txt');
    expect(second.body).toBe('two');
    // A kiosk holding the old ETag gets the new file, not a 304.
    expect((await asset('fire-extra', 'a.txt', { 'if-none-match': first.headers.etag as string })).statusCode).toBe(200);
    const key1 = `1.0.0-${v1.meta.digest.slice(0, 8)}`;
    const key2 = `1.1.0-${v2.meta.digest.slice(0, 8)}`;
    expect((await list()).find((p) => p.id === 'fire-extra')).toMatchObject({
      version: '1.1.0',
      current: key2,
      previousVersions: [expect.objectContaining({ key: key1, version: '1.0.0' })],
    });

    const back = await app.inject({ method: 'POST', url: '/api/admin/packs/fire-extra/rollback', headers: auth });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toEqual({ id: 'fire-extra', version: '1.0.0', key: key1 });
    expect((await livePack('fire-extra'))?.title.en).toBe('Version one');
    expect((await asset('fire-extra', 'a.txt')).body).toBe('one');
    expect(JSON.parse(readFileSync(join(packsDir(), 'fire-extra', STATE_FILE), 'utf8'))).toMatchObject({ current: key1, history: [] });

    // Nothing left to roll back to.
    const none = await app.inject({ method: 'POST', url: '/api/admin/packs/fire-extra/rollback', headers: auth });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('no previous version');
    // The admin page says it from the code, in the staff's language.
    expect(none.json().details).toEqual([expect.objectContaining({ code: 'pack.no-previous', params: { id: 'fire-extra', current: key1 } })]);
    const nope = await app.inject({ method: 'POST', url: '/api/admin/packs/nope/rollback', headers: auth });
    expect(nope.statusCode).toBe(404);
    expect(nope.json().details).toEqual([expect.objectContaining({ code: 'pack.not-installed', params: { id: 'nope' } })]);
  });

  it('installing the same version and digest again is a no-op 200', async () => {
    const archive = await build({ assets: { 'a.txt': 'one' } });
    expect((await upload(archive.bytes)).statusCode).toBe(201);
    const before = tree();
    const again = await upload(archive.bytes);
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('unchanged');
    expect(tree()).toEqual(before);
  });

  it('keeps the last 3 previous versions for rollback and deletes older folders', async () => {
    for (const minor of [0, 1, 2, 3, 4]) expect((await upload((await build({ version: `1.${minor}.0` })).bytes)).statusCode).toBe(201);
    const folders = readdirSync(join(packsDir(), 'fire-extra')).filter((n) => n !== STATE_FILE).map((n) => n.split('-')[0]).sort();
    expect(folders).toEqual(['1.1.0', '1.2.0', '1.3.0', '1.4.0']);
    expect((await list()).find((p) => p.id === 'fire-extra')!.previousVersions).toEqual([
      expect.objectContaining({ version: '1.3.0' }),
      expect.objectContaining({ version: '1.2.0' }),
      expect.objectContaining({ version: '1.1.0' }),
    ]);
  });

  it('an installed pack with the id of a built-in one overrides it while installed; removing it brings the built-in back', async () => {
    const override = await build({ id: PACK_ID, version: '2.0.0', title: 'Override', assets: { 'a.txt': 'installed' } });
    expect((await upload(override.bytes)).statusCode).toBe(201);
    const live = await livePack(PACK_ID);
    expect(live).toMatchObject({ version: '2.0.0', title: { en: 'Override' } });
    expect((await content()).packs.filter((p) => p.id === PACK_ID)).toHaveLength(1);
    expect((await content()).problems).toEqual([]);
    expect((await list()).find((p) => p.id === PACK_ID)).toMatchObject({ source: 'installed', builtIn: true, version: '2.0.0' });

    const removed = await app.inject({ method: 'DELETE', url: `/api/admin/packs/${PACK_ID}`, headers: auth });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ id: PACK_ID, removed: true, builtInServes: true });
    expect(await livePack(PACK_ID)).toMatchObject({ version: '1.0.0', title: { en: 'Fire test pack' } });
    expect(existsSync(join(packsDir(), PACK_ID))).toBe(false);
  });
});

describe('removing a pack', () => {
  it('deletes its installed versions; a built-in pack cannot be removed (409); an unknown one is 404', async () => {
    expect((await upload((await build({ assets: { 'a.txt': 'x' } })).bytes)).statusCode).toBe(201);
    const res = await app.inject({ method: 'DELETE', url: '/api/admin/packs/fire-extra', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'fire-extra', removed: true, builtInServes: false });
    expect(await livePack('fire-extra')).toBeUndefined();
    expect((await asset('fire-extra', 'a.txt')).statusCode).toBe(404);
    expect(readdirSync(packsDir())).toEqual([STAGING_DIR]);
    expect(stagingEntries()).toEqual([]);
    expect((await list()).map((p) => p.id)).toEqual([PACK_ID]);

    const builtIn = await app.inject({ method: 'DELETE', url: `/api/admin/packs/${PACK_ID}`, headers: auth });
    expect(builtIn.statusCode).toBe(409);
    expect(builtIn.json().message).toContain('built in');
    expect(await livePack(PACK_ID)).toBeDefined();
    expect((await app.inject({ method: 'DELETE', url: '/api/admin/packs/fire-extra', headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/api/admin/packs/..%2Fetc', headers: auth })).statusCode).toBe(400);
  });
});

describe('a rejected upload changes nothing', () => {
  let before: Record<string, string>;
  let liveBefore: unknown;
  beforeEach(async () => {
    expect((await upload((await build({ title: 'Running version', assets: { 'a.txt': 'running' } })).bytes)).statusCode).toBe(201);
    before = tree();
    liveBefore = await content();
  });

  async function expectUnchanged() {
    expect(tree()).toEqual(before);
    expect(stagingEntries()).toEqual([]);
    expect(await content()).toEqual(liveBefore);
    expect((await asset('fire-extra', 'a.txt')).body).toBe('running');
  }

  it('an invalid pack: 400 with every validator message (file, line, path, message); the running version stays', async () => {
    const files = packFiles({ version: '1.1.0' });
    const broken = { ...scenario, quiz: { questions: scenario.quiz.questions.map((q, i) => (i === 0 ? { ...q, answer: ['zz'] } : q)) } };
    files.set(`scenarios/${SCENARIO_ID}.yaml`, Buffer.from(JSON.stringify(broken, null, 2)));
    const res = await upload(handMadeArchive(files, { id: 'fire-extra', version: '1.1.0' }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('Bad Request');
    // Any warnings (e.g. an old pack format) come after the errors, marked as such.
    expect(body.details.filter((d: { severity?: string }) => d.severity !== 'warning')).toEqual([
      expect.objectContaining({
        file: `packs/fire-extra/scenarios/${SCENARIO_ID}.yaml`,
        path: 'quiz.questions[0].answer[0]',
        line: expect.any(Number),
        message: expect.stringContaining("'zz'"),
        // The validator's code and params travel with each problem, for the staff's language.
        code: 'mechanic.answer-unknown',
        params: expect.objectContaining({ id: 'zz' }),
      }),
    ]);
    expect(body.message).toContain('quiz.questions[0].answer[0]');
    await expectUnchanged();
  });

  it('a pack whose area is not an area of the park: 400', async () => {
    const res = await upload(handMadeArchive(packFiles({ version: '1.1.0', area: 'earthquake' }), { id: 'fire-extra', version: '1.1.0' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ path: 'area', message: expect.stringContaining("area 'earthquake' is not an area of the park") })]);
    await expectUnchanged();
  });

  it('an archive whose metadata names another version than pack.yaml: 400', async () => {
    const res = await upload(handMadeArchive(packFiles({ version: '1.1.0' }), { id: 'fire-extra', version: '9.9.9' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ path: 'version' })]);
    await expectUnchanged();
  });

  const good = () => packFiles({ version: '1.1.0' });
  const meta = { id: 'fire-extra', version: '1.1.0' };
  const hostile: [string, () => Uint8Array, RegExp][] = [
    ['path traversal', () => handMadeArchive(good(), meta, [{ path: 'pack/../../../escaped.txt', bytes: Buffer.from('x') }]), /\.\./],
    ['path traversal inside the pack folder', () => handMadeArchive(good(), meta, [{ path: 'pack/assets/../../ruyi.sqlite', bytes: Buffer.from('x') }]), /\.\./],
    ['an absolute path', () => handMadeArchive(good(), meta, [{ path: '/tmp/ruyi-escaped.txt', bytes: Buffer.from('x') }]), /absolute/],
    ['a symbolic link', () => handMadeArchive(good(), meta, [{ path: 'pack/assets/passwd', type: 'symlink', linkpath: '/etc/passwd' }]), /symbolic link/],
    ['a hard link', () => handMadeArchive(good(), meta, [{ path: 'pack/assets/db', type: 'hardlink', linkpath: '../../ruyi.sqlite' }]), /hard link/],
    [
      'an oversized file',
      () => {
        const files = good();
        files.set('assets/huge.bin', new Uint8Array(33 * 1024 * 1024));
        return handMadeArchive(files, meta);
      },
      /at most/,
    ],
    [
      'too many files',
      () => {
        const files = good();
        for (let i = 0; i < 2001; i++) files.set(`assets/f${i}.txt`, Buffer.from(String(i)));
        return handMadeArchive(files, meta);
      },
      /more than \d+ entries/,
    ],
    [
      'a tampered file (checksum mismatch)',
      () => {
        const files = good();
        files.set('assets/a.txt', Buffer.from('original'));
        const archived = new Map(files);
        archived.set('assets/a.txt', Buffer.from('changed!'));
        return tgz([
          { path: 'ruyi-pack.json', bytes: Buffer.from(new TextDecoder().decode(handMadeMeta(files))) },
          ...[...archived].map(([path, bytes]) => ({ path: `pack/${path}`, bytes })),
        ]);
      },
      /tampered/,
    ],
    ['not an archive at all', () => Buffer.from('just some text, not gzip'), /not a pack archive/],
  ];

  for (const [name, make, message] of hostile) {
    it(`a hostile archive (${name}): 400 and nothing written outside .staging`, async () => {
      const res = await upload(make());
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().details)).toMatch(message);
      await expectUnchanged();
      expect(existsSync(join(env.root, 'escaped.txt'))).toBe(false);
      expect(existsSync('/tmp/ruyi-escaped.txt')).toBe(false);
    });
  }

  it('an upload over the size limit: 413', async () => {
    await app.close();
    await start({ uploadLimit: 64 * 1024 });
    before = tree();
    const res = await upload(new Uint8Array(100 * 1024));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('Payload Too Large');
    await expectUnchanged();
  });

  it('a body that is not an archive content type: 415', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/admin/packs', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBe(415);
    await expectUnchanged();
  });
});

function handMadeMeta(files: Map<string, Uint8Array>): Uint8Array {
  // The builder's metadata for the original files: the archive then carries other bytes than it lists.
  return Buffer.from(
    JSON.stringify({
      format: 1,
      id: 'fire-extra',
      version: '1.1.0',
      schemaVersion: SCHEMA_VERSION,
      builtAt: '2026-06-01T09:00:00.000Z',
      files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, b]) => [p, sha256(b)])),
      digest: '0'.repeat(64),
    }),
  );
}

describe('after a crash', () => {
  it('between staging and going live, the old version is live on the next start and the leftovers are cleaned', async () => {
    const v1 = await build({ title: 'Live before the crash', assets: { 'a.txt': 'old' } });
    expect((await upload(v1.bytes)).statusCode).toBe(201);
    const before = tree();
    await app.close();

    // What a crash can leave: a half-written staging folder, a complete version folder that state.json never named,
    // a half-written state.json.tmp, and a pack folder that never got a state.json.
    const half = join(packsDir(), STAGING_DIR, 'c0ffee');
    mkdirSync(join(half, 'scenarios'), { recursive: true });
    writeFileSync(join(half, 'pack.yaml'), 'schemaVersion: 1\nid: fire-ex');
    const orphan = join(packsDir(), 'fire-extra', '1.1.0-deadbeef');
    mkdirSync(join(orphan, 'assets'), { recursive: true });
    writeFileSync(join(orphan, 'assets', 'a.txt'), 'new');
    writeFileSync(join(packsDir(), 'fire-extra', `${STATE_FILE}.tmp`), '{"current":"1.1.0-dead');
    mkdirSync(join(packsDir(), 'fire-never', '1.0.0-01234567'), { recursive: true });

    await start();
    expect(tree()).toEqual(before);
    expect(stagingEntries()).toEqual([]);
    expect((await livePack('fire-extra'))?.title.en).toBe('Live before the crash');
    expect((await asset('fire-extra', 'a.txt')).body).toBe('old');
  });
});

describe('GET /api/packs/:id/assets/*', () => {
  beforeEach(() => {
    const assets = join(env.config.contentDir, 'packs', PACK_ID, 'assets');
    mkdirSync(join(assets, 'img'), { recursive: true });
    writeFileSync(join(assets, 'img', 'sign.webp'), 'webp');
    writeFileSync(join(env.config.contentDir, 'secret.txt'), 'TOP-SECRET-CONTENT');
    symlinkSync(join(env.config.contentDir, 'secret.txt'), join(assets, 'escape.txt'));
    symlinkSync(join(env.config.contentDir, 'packs', PACK_ID), join(assets, 'up'));
  });

  it('serves a built-in pack’s assets, keyed by its version', async () => {
    const res = await asset(PACK_ID, 'img/sign.webp');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('webp');
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['x-ruyi-asset-version']).toBe('built-in-1.0.0');
  });

  it('never leaves the assets folder: no .., no symlinks out, no folders, no other packs’ files', async () => {
    for (const path of ['../pack.yaml', '..%2Fpack.yaml', '%2e%2e/pack.yaml', 'img/../../pack.yaml', 'escape.txt', 'up/pack.yaml', 'img', '', '.hidden', `..%2F..%2F..%2Fsecret.txt`]) {
      const res = await asset(PACK_ID, path);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain('TOP-SECRET');
      expect(res.body).not.toContain('schemaVersion');
    }
    expect((await asset('no-such-pack', 'img/sign.webp')).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/packs/${PACK_ID}/assets/img/sign.webp/../../../pack.yaml` })).statusCode).toBe(404);
  });
});
