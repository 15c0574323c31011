// Sample scenes for the preview and for measuring the budget: every kind once, a 16-prop cold-storage plant, and one
// scene per setting of the newer kinds (a home, a school, a street, a public space), repeated kinds several times.
import type { Prop, PropKind, Scene } from '@ruyi/pack-schema';

function prop(id: string, kind: PropKind, position: [number, number, number], en: string, zh: string, rotationY = 0, scale = 1): Prop {
  return { id, kind, position, rotationY, scale, label: { 'zh-CN': zh, en } };
}

/** The 16 kinds of the fire pack, each once: wall props on the back wall, floor props in two rows. */
export const FIRE_KINDS_SCENE: Scene = {
  room: { width: 24, depth: 16, height: 6 },
  camera: { position: [0, 4.4, 9.5], target: [0, 1.3, -2.5] },
  props: [
    prop('foam-wall', 'foam-panel-wall', [-8.6, 0, -7.9], 'Sandwich panel wall', '夹芯板墙'),
    prop('exit', 'exit-door', [-3.6, 0, -7.92], 'Exit door', '安全出口门'),
    prop('exit-sign', 'exit-sign', [-3.6, 2.45, -7.96], 'Exit sign', '安全出口标志'),
    prop('exit-locked', 'exit-door-locked', [-0.6, 0, -7.92], 'Chained exit door', '被锁的安全出口'),
    prop('panel', 'electrical-panel', [2.6, 1.0, -7.85], 'Electrical panel', '配电箱'),
    prop('alarm', 'fire-alarm', [4.0, 1.4, -7.975], 'Fire alarm call point', '手动火灾报警按钮'),
    prop('lockers', 'lockers', [6.2, 0, -7.75], 'Lockers', '更衣柜'),
    prop('wiring', 'overhead-wiring', [4.5, 4.2, -6.0], 'Overhead wiring', '架空电线'),
    prop('pipes', 'pipe-run', [-3.5, 4.6, -5.2], 'Pipe run', '管道'),
    prop('tank', 'ammonia-tank', [-7.8, 0, -3.8], 'Ammonia tank', '液氨储罐'),
    prop('shelf', 'shelf', [-2.6, 0, -5.2], 'Shelf', '货架'),
    prop('conveyor', 'conveyor', [3.5, 0, -3.6], 'Conveyor', '输送线'),
    prop('cartons', 'cardboard-stack', [-8.2, 0, 0.2], 'Cardboard boxes', '纸箱堆'),
    prop('pallet', 'pallet', [-4.8, 0, 0.0], 'Pallet', '托盘货物'),
    prop('bench', 'workbench', [-0.6, 0, -0.4], 'Workbench', '工作台'),
    prop('extinguisher', 'fire-extinguisher', [2.6, 0, 0.6], 'Fire extinguisher', '灭火器', -20),
  ],
};

/** A cold-storage processing hall with 16 props, several kinds repeated (as a real pack would). */
export const PLANT_SCENE: Scene = {
  room: { width: 30, depth: 20, height: 7 },
  camera: { position: [0, 4.2, 11.5], target: [0, 1.4, -3] },
  props: [
    prop('wall-left', 'foam-panel-wall', [-12, 0, -9.9], 'Sandwich panel wall', '夹芯板墙'),
    prop('wall-mid', 'foam-panel-wall', [-8, 0, -9.9], 'Sandwich panel wall', '夹芯板墙'),
    prop('main-exit', 'exit-door-locked', [-2, 0, -9.92], 'Main exit', '主通道出口'),
    prop('main-exit-sign', 'exit-sign', [-2, 2.45, -9.96], 'Exit sign', '安全出口标志'),
    prop('side-exit', 'exit-door', [13.9, 0, -4], 'Side exit', '侧门', -90),
    prop('panel', 'electrical-panel', [4, 1.0, -9.85], 'Electrical panel', '配电箱'),
    prop('wiring', 'overhead-wiring', [4, 4.8, -7], 'Overhead wiring', '架空电线'),
    prop('tank', 'ammonia-tank', [10, 0, -7.5], 'Ammonia tank', '液氨储罐'),
    prop('pipes', 'pipe-run', [8, 5, -5], 'Ammonia pipes', '氨管道'),
    prop('line-1', 'conveyor', [-6, 0, -4], 'Processing line 1', '加工线一'),
    prop('line-2', 'conveyor', [0, 0, -4], 'Processing line 2', '加工线二'),
    prop('bench', 'workbench', [5, 0, -2], 'Workbench', '工作台', -15),
    prop('pallet-1', 'pallet', [-10, 0, 0], 'Pallet of goods', '托盘货物'),
    prop('cartons-1', 'cardboard-stack', [-7.5, 0, 0.5], 'Cardboard boxes', '纸箱堆', 10),
    prop('cartons-2', 'cardboard-stack', [9, 0, 1], 'Cardboard boxes', '纸箱堆', -8),
    prop('extinguisher', 'fire-extinguisher', [1.5, 0, 1.5], 'Fire extinguisher', '灭火器'),
  ],
};

/** A home in winter: a kitchen with its gas (meter, valve, hose, hob), a coal stove and its flue, a kang and a bed. */
export const HOME_SCENE: Scene = {
  setting: 'indoor',
  room: { width: 9, depth: 6, height: 2.8 },
  camera: { position: [0, 2.6, 5.2], target: [0, 1.0, -1] },
  props: [
    prop('counter', 'kitchen-counter', [-2.9, 0, -2.7], 'Kitchen counter', '橱柜'),
    prop('hob', 'gas-stove', [-3.35, 0.88, -2.78], 'Gas hob', '燃气灶'),
    prop('pan-fire', 'small-fire', [-3.17, 1.02, -2.8], 'Fire in a pan', '锅里起火', 0, 0.45),
    prop('valve', 'gas-valve', [-3.95, 0.75, -2.985], 'Gas valve', '燃气阀门'),
    prop('hose', 'gas-hose', [-3.95, 0.79, -2.9], 'Gas hose', '燃气软管', 0, 0.45),
    prop('meter', 'gas-meter', [-1.6, 1.5, -2.92], 'Gas meter', '燃气表'),
    prop('blanket', 'fire-blanket', [-1.1, 1.3, -2.97], 'Fire blanket', '灭火毯'),
    prop('window-kitchen', 'window', [-0.1, 0.9, -2.96], 'Kitchen window', '厨房窗户'),
    prop('coal-stove', 'coal-stove', [1.5, 0, -1.7], 'Coal stove', '煤炉'),
    prop('flue', 'stove-flue', [1.5, 0.74, -1.88], 'Stovepipe', '烟筒'),
    prop('co-alarm', 'co-alarm', [2.6, 1.7, -2.97], 'Carbon monoxide alarm', '一氧化碳报警器'),
    prop('door', 'door', [3.7, 0, -2.93], 'Door', '房门'),
    prop('kang', 'heated-bed', [3.55, 0, 0.6], 'Kang (heated brick bed)', '火炕', -90),
    prop('window-bedroom', 'window', [4.46, 0.9, 0.6], 'Bedroom window', '卧室窗户', -90),
    prop('bed', 'bed', [-3.45, 0, 1.2], 'Bed', '床', 90),
    prop('window-side', 'window', [-4.46, 0.9, -0.6], 'Side window', '侧窗', 90),
  ],
};

function desks(): Prop[] {
  const out: Prop[] = [];
  for (let row = 0; row < 4; row++)
    for (let col = 0; col < 5; col++)
      out.push(prop(`desk-${row}-${col}`, 'school-desk', [-3.6 + col * 1.3, 0, -1.6 + row * 1.25], `Desk ${row + 1}-${col + 1}`, `课桌 ${row + 1}-${col + 1}`));
  return out;
}

/** A classroom of 20 desks facing the blackboard, with the stairwell outside its door. */
export const SCHOOL_SCENE: Scene = {
  setting: 'indoor',
  room: { width: 14, depth: 8, height: 3.4 },
  camera: { position: [0, 3.2, 6.8], target: [0, 0.9, -1.2] },
  props: [
    prop('blackboard', 'blackboard', [-1.2, 0.9, -3.98], 'Blackboard', '黑板'),
    ...desks(),
    prop('door-front', 'door', [2.9, 0, -3.93], 'Classroom door', '教室前门'),
    prop('exit-sign', 'exit-sign', [2.9, 2.3, -3.96], 'Exit sign', '安全出口标志'),
    prop('aed', 'aed', [4.1, 1.0, -3.9], 'AED', '自动体外除颤器'),
    prop('co2', 'fire-extinguisher-co2', [3.7, 0, -3.75], 'CO2 fire extinguisher', '二氧化碳灭火器'),
    prop('stairs', 'stairwell', [5.8, 0, -0.6], 'Stairwell', '楼梯间'),
    ...[-2.5, 0, 2.5].map((z, i) => prop(`window-${i}`, 'window', [-6.96, 0.9, z], `Window ${i + 1}`, `窗户 ${i + 1}`, 90)),
  ],
};

/** A street in winter: a zebra crossing with its lights, cars and a light truck, ice, and an open manhole. */
export const STREET_SCENE: Scene = {
  setting: 'outdoor',
  room: { width: 30, depth: 20, height: 6 },
  camera: { position: [0, 8, 17], target: [0, 0, 0] },
  props: [
    prop('road', 'road-crossing', [0, 0, 0], 'Road with a zebra crossing', '斑马线', 0, 1.5),
    prop('light-near', 'traffic-light', [-3.6, 0, 5.9], 'Traffic light', '红绿灯', 180),
    prop('light-far', 'traffic-light', [3.6, 0, -5.9], 'Traffic light', '红绿灯'),
    prop('car-1', 'car', [-10, 0, 2.6], 'Car', '轿车'),
    prop('car-2', 'car', [5, 0, -2.6], 'Car', '轿车', 180),
    prop('car-3', 'car', [11.5, 0, -2.6], 'Car', '轿车', 180),
    prop('truck', 'light-truck', [-6, 0, -2.6], 'Light truck', '轻型货车', 180),
    prop('ice-1', 'snow-patch', [1, 0.016, 1.6], 'Ice on the crossing', '斑马线上的冰'),
    prop('ice-2', 'snow-patch', [-2.5, 0.016, -3], 'Packed snow', '压实的雪', 30),
    prop('ice-3', 'snow-patch', [8, 0, 7.5], 'Snow on the pavement', '人行道上的雪', -20),
    prop('manhole', 'manhole', [-8, 0, 7.5], 'Open manhole', '打开的窨井'),
    prop('detector', 'gas-detector', [-7.2, 0, 8.1], 'Gas detector', '气体检测仪'),
  ],
};

/** A square in front of a building's steps: crowds, an air-raid siren mast and the sign to the shelter. */
export const PUBLIC_SCENE: Scene = {
  setting: 'outdoor',
  room: { width: 34, depth: 26, height: 8 },
  camera: { position: [0, 9, 20], target: [0, 0.5, -2] },
  props: [
    ...[-4.5, -1.5, 1.5, 4.5].map((x, i) => prop(`steps-${i}`, 'steps', [x, 0, -10], `Steps ${i + 1}`, `台阶 ${i + 1}`)),
    prop('crowd-left', 'crowd', [-7, 0, -3], 'Crowd', '人群', 15),
    prop('crowd-middle', 'crowd', [0, 0, -2], 'Dense crowd', '密集人群', 0, 1.6),
    prop('crowd-right', 'crowd', [7.5, 0, -3.5], 'Crowd', '人群', -20),
    prop('siren-1', 'siren-speaker', [-12, 0, -7], 'Air-raid siren', '防空警报器'),
    prop('siren-2', 'siren-speaker', [12, 0, 2], 'Air-raid siren', '防空警报器', -90),
    prop('shelter-sign', 'shelter-sign', [-9, 0, 4], 'Civil air defence shelter sign', '人防工程标志', 20),
    prop('person-down', 'manikin', [3, 0, 6], 'Person lying on the ground', '倒地的人', 30),
  ],
};
