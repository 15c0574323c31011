// The first screens (attract, map, a scenario's case card) must not need three.js: what the app's entry reaches by
// static imports is what a kiosk downloads before it shows anything. This follows those imports through the source
// (a dynamic import() or an `import type` is a boundary) and fails naming the chain that reaches a 3D package. The
// built chunks are checked too, by the first-screen Playwright test and bench/first-screen.ts.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MechanicName } from '@ruyi/mechanics';
import { TOUCH_VIEWS } from './mechanics/touchViews.ts';

const SRC = dirname(fileURLToPath(import.meta.url));
const HEAVY = /^(three|three-.*|@react-three\/.*|@pmndrs\/.*|troika-.*|iwer|@iwer\/.*)$/;

/** The specifiers a module imports statically with a value (not `import type`, not `import()`). */
export function staticImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(?!type\s)([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const clause = m[2]!.trim();
    // `import { type A, type B } from 'x'` is erased like `import type`.
    const named = /^\{([^}]*)\}$/.exec(clause);
    if (named && named[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))) continue;
    found.push(m[3]!);
  }
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  return found;
}

/** The chain of modules from `entry` to the first 3D package (or other `heavy` import) it reaches statically, or null. */
function heavyChain(entry: string, heavy: RegExp = HEAVY, allowed: (file: string) => boolean = () => false): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (heavy.test(spec) && !allowed(file)) return [...chain, spec];
      if (!spec.startsWith('.') || !/\.(tsx?|jsx?)$/.test(spec)) continue;
      const next = resolve(dirname(file), spec);
      const found = walk(next, [...chain, next.slice(SRC.length + 1)]);
      if (found) return found;
    }
    return null;
  };
  return walk(resolve(SRC, entry), [entry]);
}

describe('the first screen', () => {
  it('reaches no 3D package from the entry by static imports', () => {
    expect(heavyChain('main.tsx')).toBeNull();
  });

  // zod and the schemas made with it (the API's, the pack format's, every mechanic's: the registry) load after the
  // first screen (api/schemas.ts, stores/recording.ts, stores/resumePlan.ts, sound/runCues.ts). Only no-eval.ts, which
  // configures zod before any schema is made, may import it; the mechanics' strings come from their light entry.
  const SCHEMAS = /^(zod|@ruyi\/api-contract|@ruyi\/xapi|@ruyi\/mechanics|@ruyi\/pack-schema\/node)$/;
  it('reaches no schema module from the entry by static imports', () => {
    expect(heavyChain('main.tsx', SCHEMAS, (file) => file.endsWith('no-eval.ts'))).toBeNull();
  });

  it('still reaches the schemas through their lazy boundaries (the check can fail)', () => {
    expect(heavyChain('api/schemas.ts', SCHEMAS)?.at(-1)).toMatch(SCHEMAS);
    expect(heavyChain('stores/recording.ts', SCHEMAS)?.at(-1)).toMatch(SCHEMAS);
    expect(heavyChain('sound/runCues.ts', SCHEMAS)?.at(-1)).toMatch(SCHEMAS);
  });

  it('still reaches the 3D view through its lazy boundary (the check can fail)', () => {
    expect(heavyChain('scene/SceneView.tsx')?.at(-1)).toMatch(HEAVY);
    expect(heavyChain('xr/VrPlayView.tsx')?.at(-1)).toMatch(HEAVY);
  });

  it('reads imports as the bundler does', () => {
    const src = [
      "import type { Group } from 'three';",
      "import { type Mesh } from 'three';",
      "import { Canvas } from '@react-three/fiber';",
      "export { XR } from '@react-three/xr';",
      "import './styles.css';",
      "const later = () => import('./SceneView.tsx');",
      "// import { nothing } from 'three';",
    ].join('\n');
    expect(staticImports(src)).toEqual(['@react-three/fiber', '@react-three/xr', './styles.css']);
  });

  it('has a touch view for every mechanic', () => {
    const names = Object.keys(TOUCH_VIEWS) as MechanicName[];
    for (const name of names) expect(typeof TOUCH_VIEWS[name], name).toBe('function');
  });
});
