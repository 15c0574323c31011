// Sample scenes for the preview and for measuring the budget: every kind once, and a 16-prop cold-storage plant.
import type { Prop, PropKind, Scene } from '@ruyi/pack-schema';

function prop(id: string, kind: PropKind, position: [number, number, number], en: string, zh: string, rotationY = 0, scale = 1): Prop {
  return { id, kind, position, rotationY, scale, label: { 'zh-CN': zh, en } };
}

/** Each of the 16 kinds once: wall props on the back wall, floor props in two rows. */
export const ALL_KINDS_SCENE: Scene = {
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
