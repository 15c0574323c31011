// npm run bench: draw calls and triangles of the scene kit, measured in real WebGL (Debian's Chromium, software GL) on
// the fire pack's scene and on the synthetic repeated-props scene, against the VR budget per eye. Exits 1 when a case is
// over budget, when the headless count disagrees with WebGL, or when GPU resources outlive their scene.
import react from '@vitejs/plugin-react';
import { chromium } from '@playwright/test';
import type { HazardHuntStep } from '@ruyi/mechanics';
import { readContent } from '@ruyi/pack-schema/node';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { REPEATED_PROPS_SCENE } from '../apps/kiosk/src/scene/testing/repeatedPropsScene.ts';
import type { BenchCase, Measurement } from './scene/api.ts';
import './scene/globals.ts';

const BUDGET = { calls: 100, triangles: 300_000 };
const PORT = Number(process.env.RUYI_BENCH_PORT ?? 19480);
const repo = fileURLToPath(new URL('..', import.meta.url));

function cases(): BenchCase[] {
  const content = readContent(join(repo, 'content'));
  const pack = content.packs.find((p) => p.id === 'fire-dehui-2013');
  if (!pack) throw new Error(`the fire pack did not load: ${JSON.stringify(content.problems)}`);
  const scenario = pack.scenarios[0]!;
  // The props of every hazard-hunt step: the scene shows a found marker on each.
  const hazards = scenario.steps.flatMap((s) => (s.mechanic === 'hazard-hunt' ? (s as unknown as HazardHuntStep).hazards.map((h) => h.prop) : []));
  const fire = scenario.scene;
  const repeatedFound = REPEATED_PROPS_SCENE.props.filter((p) => p.kind === 'electrical-panel' || p.kind === 'exit-sign').map((p) => p.id);
  return [
    { name: `fire: ${fire.props.length} props, no markers`, scene: fire, found: [], hinted: null },
    { name: `fire: ${hazards.length} found`, scene: fire, found: hazards, hinted: null },
    { name: `fire: ${hazards.length - 1} found + hint`, scene: fire, found: hazards.slice(0, -1), hinted: hazards.at(-1)! },
    { name: `repeated: ${REPEATED_PROPS_SCENE.props.length} props, no markers`, scene: REPEATED_PROPS_SCENE, found: [], hinted: null },
    { name: `repeated: ${repeatedFound.length} found + hint`, scene: REPEATED_PROPS_SCENE, found: repeatedFound, hinted: 'bench-2-3' },
  ];
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);

function row(name: string, m: Measurement): string {
  const over = m.all.calls > BUDGET.calls || m.all.triangles > BUDGET.triangles ? '  OVER BUDGET' : '';
  const mismatch = m.headless.calls !== m.all.calls || m.headless.triangles !== m.all.triangles ? '  HEADLESS MISMATCH' : '';
  const cells = [m.view, m.all, m.headless].map((f) => `${pad(f.calls, 10)}${pad(f.triangles, 10)}`).join('');
  return `${name.padEnd(34)}${cells}${over}${mismatch}`;
}

async function main(): Promise<number> {
  const started = Date.now();
  const server = await createServer({
    configFile: false,
    root: join(repo, 'bench', 'scene'),
    cacheDir: join(tmpdir(), 'ruyi-bench-vite'),
    plugins: [react()],
    resolve: { dedupe: ['three', 'react', 'react-dom', '@react-three/fiber'] },
    server: { host: '127.0.0.1', port: PORT, strictPort: true },
    logLevel: 'warn',
  });
  await server.listen();
  const browser = await chromium.launch({
    executablePath: process.env.RUYI_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  let failed = false;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (e) => {
      console.error(`page error: ${e.message}`);
      failed = true;
    });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 60_000 });
    const show = (c: BenchCase | null) => page.evaluate((arg) => window.__bench!.show(arg), c);

    console.log(`Scene kit per view (one eye; a headset draws two). Budget per eye: ${BUDGET.calls} calls, ${BUDGET.triangles.toLocaleString('en')} triangles.`);
    console.log(`${''.padEnd(34)}${['camera view', 'everything in view', 'headless count'].map((h) => pad(h, 20)).join('')}`);
    console.log(`${'case'.padEnd(34)}${`${pad('calls', 10)}${pad('triangles', 10)}`.repeat(3)}`);
    let baseline: { geometries: number; textures: number } | null = null;
    for (const c of cases()) {
      await show(c);
      const m = await page.evaluate(() => window.__bench!.measure());
      console.log(row(c.name, m));
      if (m.all.calls > BUDGET.calls || m.all.triangles > BUDGET.triangles) failed = true;
      if (m.headless.calls !== m.all.calls || m.headless.triangles !== m.all.triangles) failed = true;
      await show(null);
      const memory = await page.evaluate(() => window.__bench!.memory());
      baseline ??= memory;
      if (memory.geometries !== baseline.geometries || memory.textures !== baseline.textures) {
        console.log(`  leak: after unmounting, ${memory.geometries} geometries and ${memory.textures} textures (baseline ${baseline.geometries} / ${baseline.textures})`);
        failed = true;
      }
    }
    console.log(`GPU memory after each unmount: ${baseline!.geometries} geometries, ${baseline!.textures} textures (three's DFG table only).`);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${failed ? 'FAILED' : 'ok'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
