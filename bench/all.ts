// npm run bench [-- scene|statements|sync|first-screen|floor|stats ...]: runs the named benchmarks (all of them without a name) one after
// another, each in its own Node process so one's memory and open files never weigh on the next. Exits 1 if any failed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = {
  scene: { file: 'run.ts', what: 'draw calls and triangles of the scene kit in real WebGL, against the VR budget' },
  statements: { file: 'statements.ts', what: 'durable statements/s into /xapi/statements, next to the store module and raw SQLite' },
  sync: { file: 'hub-sync.ts', what: 'a kiosk-server forwarding a backlog of stored statements to a hub (1,000,000; RUYI_BENCH_SYNC_COUNT sets another count)' },
  'first-screen': { file: 'first-screen.ts', what: 'the first screen\'s JS (gzip) and time to show it, next to a bare react-three-fiber hello-world (goal: at most half its JS)' },
  stats: { file: 'stats.ts', what: 'each statistics dashboard query at city scale (1,000,000 statements; RUYI_BENCH_STATS_N=10000000 for the issue\'s figure) next to the raw facts, and /api/health while dashboards load' },
  floor: { file: 'floor.ts', what: 'what one address on the park LAN can do to a kiosk-server: floods, forged visits, parallel logins, big unauthenticated bodies, event streams (~4 min)' },
} as const;
type Name = keyof typeof BENCHES;

const USAGE = `Usage: npm run bench [-- ${Object.keys(BENCHES).join('|')} ...]\n${Object.entries(BENCHES)
  .map(([name, b]) => `  ${name.padEnd(14)}${b.what}`)
  .join('\n')}`;

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`bench: unknown benchmark ${unknown.map((n) => `'${n}'`).join(', ')}\n${USAGE}`);
  process.exit(2);
}

const failed: Name[] = [];
for (const name of (asked.length ? asked : Object.keys(BENCHES)) as Name[]) {
  console.log(`\n== bench ${name}: ${BENCHES[name].what}`);
  const file = fileURLToPath(new URL(BENCHES[name].file, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
}
if (failed.length) console.error(`\nbench: failed: ${failed.join(', ')}`);
process.exitCode = failed.length ? 1 : 0;
