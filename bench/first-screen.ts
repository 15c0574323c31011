// npm run bench -- first-screen: what a kiosk downloads and runs before its first screen, next to the smallest
// react-three-fiber app. Builds a bare hello-world (bench/first-screen/hello: a canvas with a spinning box) and the
// kiosk app with the same Vite (same version, plugin-react, default minification and target), then:
//   - the first screen's JS, gzip: the entry chunk and every chunk it imports statically (the page's script and
//     modulepreload tags, from the built index.html and .vite/manifest.json), and whether three.js is among them;
//   - the time from navigation to the first screen in headless Chromium against local servers (the kiosk-server for
//     the kiosk, its attract heading; a tiny static server for the hello-world, its canvas), median of a few runs.
// Exits 1 if three.js is in the kiosk's first screen or its JS is over half the hello-world's.
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const repo = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.RUYI_BENCH_PORT ?? 19490);
const RUNS = Number(process.env.RUYI_BENCH_FIRST_SCREEN_RUNS ?? 5);
const GOAL = 0.5;
// three.js marks the page with its revision (`window.__THREE__ = REVISION`): a property name minifiers keep.
const THREE_MARKER = '__THREE__';

interface Chunk {
  file: string;
  gzip: number;
  three: boolean;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The JS the built index.html loads before anything runs: its module script, the modulepreloads and their static imports. */
export function firstScreenJs(outDir: string): Chunk[] {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([key, c]) => c.isEntry && key.endsWith('index.html'));
  if (!entry) throw new Error(`no index.html entry in ${outDir}/.vite/manifest.json`);
  const files = new Set<string>();
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) walk(imported);
  };
  walk(entry[0]);
  // What the page itself names (the manifest and the page must agree; a script only in the page counts too).
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.m?js)"/g)) files.add(m[1]!);
  return [...files].map((file) => {
    const text = readFileSync(join(outDir, file));
    return { file, gzip: gzipSync(text, { level: 9 }).length, three: text.includes(THREE_MARKER) };
  });
}

async function buildHello(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(repo, 'bench/first-screen/hello'),
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 2000 },
  });
}

async function buildKiosk(outDir: string): Promise<void> {
  await build({
    configFile: join(repo, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** A plain static server for the hello-world (no compression: the kiosk-server's static files are served alike). */
function serveStatic(dir: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? 'index.html' : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function startKioskServer(appDir: string, dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'kiosk-server/src/server.ts'], {
    cwd: repo,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RUYI_DATA_DIR: dataDir, RUYI_APP_DIR: appDir, RUYI_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the kiosk-server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the kiosk-server did not answer /api/health within 60 s');
}

/**
 * Milliseconds from navigation start to the first moment the page shows its first screen, in a fresh browser context.
 * `shown` returns performance.now() once the screen is there, else false.
 */
async function timeToFirstScreen(browser: Browser, url: string, shown: () => number | false): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    // Polled every animation frame: the figure is the frame that first shows the marker. (A function, not a string:
    // the kiosk's content security policy refuses eval.)
    const handle = await page.waitForFunction(shown, undefined, { polling: 'raf', timeout: 120_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (chunks: Chunk[]) => chunks.reduce((n, c) => n + c.gzip, 0);

async function main(): Promise<void> {
  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'ruyi-first-screen-'));
  const helloDir = join(tmp, 'hello');
  const kioskDir = join(tmp, 'kiosk');
  let kiosk: ChildProcess | null = null;
  let hello: Server | null = null;
  let browser: Browser | null = null;
  let failed = false;
  try {
    await buildHello(helloDir);
    await buildKiosk(kioskDir);
    const helloJs = firstScreenJs(helloDir);
    const kioskJs = firstScreenJs(kioskDir);
    const ratio = sum(kioskJs) / sum(helloJs);

    console.log('First screen JS (gzip, level 9): the entry chunk and its static imports');
    for (const [name, chunks] of [['hello-world (R3F)', helloJs], ['kiosk', kioskJs]] as const) {
      console.log(`${name.padEnd(22)}${kb(sum(chunks)).padStart(10)}   ${chunks.length} chunks${chunks.some((c) => c.three) ? ', three.js among them' : ', no three.js'}`);
      for (const c of [...chunks].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${c.file.padEnd(44)}${kb(c.gzip).padStart(10)}${c.three ? '  three.js' : ''}`);
    }
    console.log(`kiosk / hello-world: ${ratio.toFixed(2)} (goal ≤ ${GOAL})`);
    if (kioskJs.some((c) => c.three)) {
      console.log('  FAILED: three.js is in the kiosk’s first screen');
      failed = true;
    }
    if (ratio > GOAL) {
      console.log(`  FAILED: over the goal of ${GOAL}`);
      failed = true;
    }

    kiosk = await startKioskServer(kioskDir, join(tmp, 'data'), PORT);
    hello = await serveStatic(helloDir, PORT + 1);
    browser = await chromium.launch({
      executablePath: process.env.RUYI_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
    // The attract screen's heading (not the "loading" message, which has none); the hello-world's canvas.
    const kioskMarker = () =>
      [...document.querySelectorAll('h1')].some((h) => (h as HTMLElement).offsetParent !== null && !h.closest('.message-screen')) && performance.now();
    const helloMarker = () => document.querySelector('canvas') !== null && performance.now();
    const times = { kiosk: [] as number[], hello: [] as number[] };
    // Taken in turns, so a busy moment of the machine weighs on both alike.
    for (let i = 0; i < RUNS; i++) {
      times.kiosk.push(await timeToFirstScreen(browser, `http://127.0.0.1:${PORT}/`, kioskMarker));
      times.hello.push(await timeToFirstScreen(browser, `http://127.0.0.1:${PORT + 1}/`, helloMarker));
    }
    console.log(`\nTime to the first screen (headless Chromium, local servers, fresh cache each run; median of ${RUNS})`);
    console.log(`${'hello-world (canvas)'.padEnd(22)}${`${median(times.hello).toFixed(0)} ms`.padStart(10)}   runs: ${times.hello.map((t) => t.toFixed(0)).join(', ')}`);
    console.log(`${'kiosk (attract h1)'.padEnd(22)}${`${median(times.kiosk).toFixed(0)} ms`.padStart(10)}   runs: ${times.kiosk.map((t) => t.toFixed(0)).join(', ')}`);
    console.log(`kiosk / hello-world: ${(median(times.kiosk) / median(times.hello)).toFixed(2)}`);
  } finally {
    await browser?.close();
    await new Promise((resolve) => (hello ? hello.close(resolve) : resolve(undefined)));
    if (kiosk && kiosk.exitCode === null) {
      const exited = new Promise((resolve) => kiosk!.once('close', resolve));
      kiosk.kill();
      await exited;
    }
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`${failed ? 'FAILED' : 'ok'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failed ? 1 : 0;
}

await main();
