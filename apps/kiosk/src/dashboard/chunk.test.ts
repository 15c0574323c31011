// Apache ECharts is this page's alone: no module outside dashboard/ imports it, and the app reaches the dashboard only
// through App.tsx's dynamic import() — so the kiosk's first screen (and every other page) carries none of it. The
// built chunks are checked by the first-screen Playwright test; this reads the source.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');
// A value import (an `import type` is erased) or a dynamic one.
const ECHARTS = /^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s*['"](?:echarts|zrender)(?:\/[^'"]*)?['"]|import\s*\(\s*['"](?:echarts|zrender)/m;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the dashboard chunk', () => {
  const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('is the only place that imports ECharts (type imports aside)', () => {
    const importers = files.filter((f) => ECHARTS.test(f.text)).map((f) => f.path);
    expect(importers).toEqual([join('dashboard', 'echarts.ts')]);
    // The check can fail: a value import is seen, a type import is not.
    expect(ECHARTS.test("import { BarChart } from 'echarts/charts';")).toBe(true);
    expect(ECHARTS.test("import type { EChartsCoreOption } from 'echarts/core';")).toBe(false);
  });

  it('is reached from outside dashboard/ only by a dynamic import', () => {
    const reaching = files.filter((f) => !f.path.startsWith('dashboard') && /['"]\.{1,2}\/(?:[^'"]*\/)?dashboard\//.test(f.text));
    for (const f of reaching) {
      const statics = [...f.text.matchAll(/^\s*import\s[^;]*?from\s*['"]([^'"]*dashboard\/[^'"]*)['"]/gm)].filter((m) => !/^\s*import\s+type\s/.test(m[0]));
      expect(statics.map((m) => m[1]), f.path).toEqual([]);
    }
    expect(reaching.map((f) => f.path)).toContain('App.tsx');
  });
});
