// A pack's own files on the kiosk: a GLB model in place of a built-in prop (drawn, tappable, released when the scene
// goes, replaced by the built-in prop when it cannot be loaded), and the case card's picture and narration (in the
// visitor's language only). The fire pack is copied, given generated assets, and served by a server of its own.
import { Document, NodeIO } from '@gltf-transform/core';
import type { Page } from '@playwright/test';
import { localize, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { parseDocument } from 'yaml';
import { expect, expectNoA11yViolations, extraPort, loadFirePack, settledScene, test } from './fixtures.ts';
import { stepOf } from './steps.ts';

const PORT = extraPort(4);
const BASE = `http://127.0.0.1:${PORT}`;
const original = loadFirePack();
const MODEL_PROP = 'cardboard-stack';
const MODEL_FILE = 'models/carton-stack.glb';
const CARTONS = 3; // meshes in the generated model: one draw call each
const IMAGE_ALT = { 'zh-CN': '德惠火灾后烧毁的厂房示意图', en: 'Sketch of the plant after the Dehui fire' };

let server: ChildProcess;
let root: string;
let pack: Pack;
let scenario: Scenario;

/** A w × h PNG with a simple two-colour pattern. */
function png(w: number, h: number): Buffer {
  const image = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const stripe = ((x >> 4) + (y >> 4)) % 2 === 0;
      image.data[i] = stripe ? 200 : 120;
      image.data[i + 1] = stripe ? 140 : 80;
      image.data[i + 2] = stripe ? 80 : 40;
      image.data[i + 3] = 255;
    }
  return PNG.sync.write(image);
}

/** `seconds` of silence: 8 kHz mono 8-bit PCM in a RIFF/WAVE file. */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const out = Buffer.alloc(44 + samples, 128);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + samples, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate, 28); // bytes per second
  out.writeUInt16LE(1, 32); // block align
  out.writeUInt16LE(8, 34); // bits per sample
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(samples, 40);
  return out;
}

/** A stack of three cartons (three meshes sharing one textured material), 1.2 m wide, standing on y = 0. */
async function cartonGlb(): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const texture = doc.createTexture('cardboard').setImage(png(64, 64)).setMimeType('image/png');
  const material = doc.createMaterial('cardboard').setBaseColorFactor([1, 0.85, 0.65, 1]).setBaseColorTexture(texture).setRoughnessFactor(0.9).setMetallicFactor(0);
  // A unit cube from -0.5 to 0.5: 6 faces × 4 vertices, with normals and uvs.
  const faces: [number[], number[], number[]][] = [
    [[1, 0, 0], [0, 0, -1], [0, 1, 0]],
    [[-1, 0, 0], [0, 0, 1], [0, 1, 0]],
    [[0, 1, 0], [1, 0, 0], [0, 0, -1]],
    [[0, -1, 0], [1, 0, 0], [0, 0, 1]],
    [[0, 0, 1], [1, 0, 0], [0, 1, 0]],
    [[0, 0, -1], [-1, 0, 0], [0, 1, 0]],
  ];
  const position: number[] = [];
  const normal: number[] = [];
  const uv: number[] = [];
  const index: number[] = [];
  for (const [n, u, v] of faces) {
    const base = position.length / 3;
    for (const [a, b] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
      position.push(...[0, 1, 2].map((k) => n[k]! * 0.5 + u[k]! * a * 0.5 + v[k]! * b * 0.5));
      normal.push(...n);
      uv.push((a + 1) / 2, (1 - b) / 2);
    }
    index.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  const primitive = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(position)).setBuffer(buffer))
    .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(normal)).setBuffer(buffer))
    .setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array(uv)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(index)).setBuffer(buffer))
    .setMaterial(material);
  const mesh = doc.createMesh('carton').addPrimitive(primitive);
  const scene = doc.createScene('cartons');
  const places: [number, number, number, number][] = [
    // x, z, width, height
    [-0.3, 0, 0.6, 0.6],
    [0.32, 0.05, 0.6, 0.6],
    [0, 0, 0.7, 0.55],
  ];
  places.forEach(([x, z, w, h], i) => {
    const y = i < 2 ? h / 2 : 0.6 + h / 2;
    scene.addChild(doc.createNode(`carton-${i}`).setMesh(mesh).setTranslation([x, y, z]).setScale([w, h, w]));
  });
  doc.getRoot().setDefaultScene(scene);
  return new NodeIO().writeBinary(doc);
}

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-assets-'));
  const content = join(root, 'content');
  cpSync('content', content, { recursive: true });
  const packDir = join(content, 'packs', original.id);
  mkdirSync(join(packDir, 'assets', 'models'), { recursive: true });
  writeFileSync(join(packDir, 'assets', MODEL_FILE), await cartonGlb());
  writeFileSync(join(packDir, 'assets', 'case-photo.png'), png(480, 320));
  writeFileSync(join(packDir, 'assets', 'case-zh.wav'), wav(20));

  const manifestFile = join(packDir, 'pack.yaml');
  const manifest = parseDocument(readFileSync(manifestFile, 'utf8'));
  // Assets need pack format 2 or later; the pack keeps its own format (a format-2 file is migrated when it loads).
  if (Number(manifest.get('schemaVersion')) < 2) manifest.set('schemaVersion', 2);
  manifest.set('assets', [
    { id: 'carton-model', file: MODEL_FILE, kind: 'model' },
    { id: 'case-photo', file: 'case-photo.png', kind: 'image', alt: IMAGE_ALT },
    { id: 'case-reading-zh', file: 'case-zh.wav', kind: 'audio' },
  ]);
  writeFileSync(manifestFile, manifest.toString());

  const scenarioFile = join(packDir, 'scenarios', `${original.scenarios[0]!.id}.yaml`);
  const doc = parseDocument(readFileSync(scenarioFile, 'utf8'));
  const written = doc.toJS() as { scene: { props: { id: string }[] }; steps?: { mechanic: string }[] };
  const props = written.scene.props;
  // Where a step's fields are in the file: under steps: (format 3) or in the scenario's own part (format 2).
  const part = (mechanic: string, legacy: string) => (written.steps ? ['steps', written.steps.findIndex((s) => s.mechanic === mechanic)] : [legacy]);
  const i = props.findIndex((p) => p.id === MODEL_PROP);
  expect(i, 'the fire scene has the prop the model replaces').toBeGreaterThanOrEqual(0);
  doc.setIn(['scene', 'props', i, 'model'], 'carton-model');
  doc.setIn([...part('case-card', 'caseCard'), 'image'], 'case-photo');
  // Chinese only: an English visitor must get no narration rather than the Chinese one.
  doc.setIn([...part('case-card', 'caseCard'), 'narration'], { 'zh-CN': 'case-reading-zh' });
  // No hints during the test: a hint adds its own draw calls and keeps frames coming.
  doc.setIn([...part('hazard-hunt', 'hazardHunt'), 'hintAfterSeconds'], 600);
  writeFileSync(scenarioFile, doc.toString());

  const loaded = readContent(content);
  const ours = loaded.packs.find((p) => p.id === original.id);
  if (!ours)
    throw new Error(
      `the fire pack with assets does not load (this spec needs pack format v2: manifest assets, prop model, case-card image and narration): ${JSON.stringify(loaded.problems)}`,
    );
  pack = ours;
  scenario = pack.scenarios[0]!;

  server = spawn(process.execPath, ['--import', 'tsx', 'kiosk-server/src/server.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', RUYI_DATA_DIR: join(root, 'data'), RUYI_CONTENT_DIR: content, RUYI_LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  await expect
    .poll(async () => fetch(`${BASE}/api/health`).then((r) => r.status).catch(() => 0), { timeout: 30_000 })
    .toBe(200);
  const asset = await fetch(`${BASE}/api/packs/${pack.id}/assets/${MODEL_FILE}`);
  expect(asset.status, 'the kiosk-server serves pack assets').toBe(200);
});

test.afterAll(() => {
  server?.kill();
  if (root) rmSync(root, { recursive: true, force: true });
});

type SceneProps = { id: string; label: string; model: string }[];
const sceneProps = (page: Page) => page.evaluate(() => (window.__ruyiScene?.props() ?? []) as SceneProps);
const modelStatus = async (page: Page) => (await sceneProps(page)).find((p) => p.id === MODEL_PROP)?.model;

/**
 * Waits until the model prop has settled and every change is drawn, and returns the statistics of that last frame.
 * Waiting for the frame counter to pause is not enough: SwiftShader can hold the frame that swaps in the model (or adds
 * a marker) back for most of a second, and the frame before it still has the old draw calls.
 */
async function settledInfo(page: Page, status: 'loaded' | 'fallback') {
  await page.waitForFunction(() => window.__ruyiScene?.ready === true);
  await expect
    .poll(() => modelStatus(page), { message: `the model prop is ${status} (it stays "builtin" unless HazardHuntStep passes assetUrl to SceneView)` })
    .toBe(status);
  return settledScene(page);
}

async function tapProp(page: Page, propId: string) {
  // A touch at a point does not wait, as a locator's tap does, for the screen to take touches after a change.
  await expect(page.locator('#root')).not.toHaveAttribute('aria-disabled', 'true');
  const point = await page.evaluate((id) => window.__ruyiScene?.propScreenPoint(id) ?? null, propId);
  expect(point, `prop ${propId} is on screen`).not.toBeNull();
  await page.touchscreen.tap(point!.x, point!.y);
}

/** Back to the map and into the fire scenario again: the same run, a new 3D view. */
async function leaveAndReturn(page: Page) {
  await page.getByRole('link', { name: '返回地图' }).tap();
  await expect(page).toHaveURL(/\/map$/);
  await page.locator(`.area-card[data-area="fire"] a[href="/play/${pack.id}/${scenario.id}"]`).tap();
  await expect(page).toHaveURL(`${BASE}/play/${pack.id}/${scenario.id}`);
}

test('the case card shows the pack picture with its description and reads the case aloud, in the visitor’s language only', async ({ page }) => {
  await page.goto(`${BASE}/play/${pack.id}/${scenario.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(localize(stepOf(scenario, 'case-card').title, 'zh-CN'));

  const image = page.getByRole('img', { name: IMAGE_ALT['zh-CN'] });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  const box = (await image.boundingBox())!;
  expect(box.width, 'the picture is shown large').toBeGreaterThan(500);
  expect(box.width / box.height, 'the picture is not cropped').toBeCloseTo(480 / 320, 1);

  const audio = page.locator('.case-card audio');
  await expect(audio).toHaveCount(1);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.autoplay || !a.paused), 'no autoplay').toBe(false);
  await expectNoA11yViolations(page, 'case card with picture and narration');

  await page.getByRole('button', { name: '朗读', exact: true }).tap();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.paused)).toBe(false);
  await page.getByRole('button', { name: '停止朗读', exact: true }).tap();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);

  // English: the picture's English description, and no narration (the pack has only a Chinese one).
  await page.getByRole('button', { name: 'English' }).tap();
  await expect(page.getByRole('img', { name: IMAGE_ALT.en })).toBeVisible();
  await expect(page.locator('.case-card audio')).toHaveCount(0);
  // A device voice may still read it (speech synthesis), never the Chinese recording.
  await expect(page.locator('.case-card [data-narration-source="recording"]')).toHaveCount(0);
  await page.getByRole('button', { name: '中文' }).tap();

  // Playing, then on to the next step: the reading stops with it.
  await page.getByRole('button', { name: '朗读', exact: true }).tap();
  await expect.poll(() => page.locator('.case-card audio').evaluate((a: HTMLAudioElement) => a.paused)).toBe(false);
  const element = await page.locator('.case-card audio').elementHandle();
  await page.getByRole('button', { name: '开始体验', exact: true }).tap();
  await expect(page.locator('.case-card')).toHaveCount(0);
  expect(await element!.evaluate((a: HTMLAudioElement) => a.paused), 'the narration stopped with the step').toBe(true);
});

test('a prop with a pack model is drawn from its GLB, found by a tap, released with the scene, and falls back when it cannot load', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  const hazard = stepOf(scenario, 'hazard-hunt').hazards.find((h) => h.prop === MODEL_PROP)!;
  const counter = page.locator('.counter');

  // 1. The model file arrives damaged: the built-in prop stands in, with one warning and no error.
  await page.route(`**/api/packs/${pack.id}/assets/${MODEL_FILE}`, (route) => route.fulfill({ status: 200, contentType: 'model/gltf-binary', body: 'not a model' }));
  await page.goto(`${BASE}/play/${pack.id}/${scenario.id}`);
  await page.getByRole('button', { name: '开始体验', exact: true }).tap();
  const fallback = await settledInfo(page, 'fallback');
  expect(warnings.filter((w) => w.includes(MODEL_FILE)), 'one warning about the model').toHaveLength(1);
  expect(await page.evaluate((id) => window.__ruyiScene!.propScreenPoint(id), MODEL_PROP), 'the built-in prop is there to tap').not.toBeNull();
  await page.unroute(`**/api/packs/${pack.id}/assets/${MODEL_FILE}`);

  // 2. The model loads: one draw call per mesh instead of the built-in prop's one, its texture on the GPU.
  await leaveAndReturn(page);
  const first = await settledInfo(page, 'loaded');
  expect(first.calls, 'draw calls with the model vs the built-in prop').toBe(fallback.calls - 1 + CARTONS);
  expect(first.textures, 'the model brings its texture').toBe(fallback.textures + 1);
  expect(first.calls).toBeLessThanOrEqual(100);
  expect(first.triangles).toBeLessThanOrEqual(300_000);

  // Tapping the model finds the hazard, like the built-in prop.
  await tapProp(page, MODEL_PROP);
  await expect(page.locator('.feedback')).toContainText(localize(hazard.name, 'zh-CN'));
  await expect(counter).toContainText(`已找到 1 / ${stepOf(scenario, 'hazard-hunt').hazards.length}`);
  const found = await settledInfo(page, 'loaded');

  // 3. Away and back twice: the same resources each time, none left over.
  for (let visit = 0; visit < 2; visit++) {
    await leaveAndReturn(page);
    const again = await settledInfo(page, 'loaded');
    expect(again.geometries, `geometries on return ${visit + 1}`).toBeLessThanOrEqual(found.geometries);
    expect(again.textures, `textures on return ${visit + 1}`).toBeLessThanOrEqual(found.textures);
    expect(again.calls).toBe(found.calls);
    await expect(counter).toContainText(`已找到 1 / ${stepOf(scenario, 'hazard-hunt').hazards.length}`);
  }
});
