// A synthetic scene for budgets, not a pack: a training hall with 40 workbenches in rows (the "40 chairs" case) and the
// fittings a real hall repeats along its walls: doors, exit signs, panels, call points and extinguishers. 78 props of 6
// kinds, 3 of them with unlit parts. Unit tests and the benchmark (npm run bench) measure it.
import type { Prop, PropKind, Scene } from '@ruyi/pack-schema';

function prop(id: string, kind: PropKind, position: [number, number, number], en: string, zh: string, rotationY = 0): Prop {
  return { id, kind, position, rotationY, scale: 1, label: { 'zh-CN': zh, en } };
}

const ROOM = { width: 30, depth: 22, height: 5 };
const BACK = -ROOM.depth / 2;
const SIDE = ROOM.width / 2;

function benches(): Prop[] {
  const out: Prop[] = [];
  for (let row = 0; row < 5; row++)
    for (let col = 0; col < 8; col++)
      out.push(prop(`bench-${row}-${col}`, 'workbench', [-11.2 + col * 3.2, 0, -6 + row * 2.4], `Workbench ${row + 1}-${col + 1}`, `工作台 ${row + 1}-${col + 1}`));
  return out;
}

/** Six doors, each with its exit sign above and a call point beside it (two of the call points stand alone). */
function exits(): Prop[] {
  const doors: { at: [number, number, number]; rotationY: number }[] = [
    { at: [-10, 0, BACK + 0.08], rotationY: 0 },
    { at: [0, 0, BACK + 0.08], rotationY: 0 },
    { at: [10, 0, BACK + 0.08], rotationY: 0 },
    { at: [-SIDE + 0.08, 0, -4], rotationY: 90 },
    { at: [SIDE - 0.08, 0, -4], rotationY: -90 },
    { at: [SIDE - 0.08, 0, 5], rotationY: -90 },
  ];
  const out: Prop[] = [];
  doors.forEach(({ at, rotationY }, i) => {
    const [x, , z] = at;
    out.push(prop(`door-${i}`, 'exit-door', at, `Exit door ${i + 1}`, `安全出口门 ${i + 1}`, rotationY));
    out.push(prop(`sign-${i}`, 'exit-sign', [x, 2.45, z], `Exit sign ${i + 1}`, `安全出口标志 ${i + 1}`, rotationY));
    const along = rotationY === 0 ? ([1.4, 0] as const) : ([0, 1.4] as const);
    out.push(prop(`alarm-${i}`, 'fire-alarm', [x + along[0], 1.4, z + along[1]], `Call point ${i + 1}`, `手动报警按钮 ${i + 1}`, rotationY));
  });
  out.push(prop('alarm-6', 'fire-alarm', [-SIDE + 0.03, 1.4, 5], 'Call point 7', '手动报警按钮 7', 90));
  out.push(prop('alarm-7', 'fire-alarm', [5, 1.4, BACK + 0.03], 'Call point 8', '手动报警按钮 8'));
  return out;
}

function panels(): Prop[] {
  return [-13, -7, -4, 4, 7, 13].map((x, i) => prop(`panel-${i}`, 'electrical-panel', [x, 1.0, BACK + 0.15], `Electrical panel ${i + 1}`, `配电箱 ${i + 1}`));
}

function extinguishers(): Prop[] {
  const out: Prop[] = [];
  for (let i = 0; i < 6; i++) {
    out.push(prop(`extinguisher-l${i}`, 'fire-extinguisher', [-SIDE + 0.4, 0, -9 + i * 3.4], `Extinguisher L${i + 1}`, `灭火器 左${i + 1}`, 90));
    out.push(prop(`extinguisher-r${i}`, 'fire-extinguisher', [SIDE - 0.4, 0, -9 + i * 3.4], `Extinguisher R${i + 1}`, `灭火器 右${i + 1}`, -90));
  }
  return out;
}

export const REPEATED_PROPS_SCENE: Scene = {
  room: ROOM,
  camera: { position: [0, 6, 14], target: [0, 0.8, -3] },
  props: [...benches(), ...exits(), ...panels(), ...extinguishers()],
};
