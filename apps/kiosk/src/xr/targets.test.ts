import { Mesh, BoxGeometry, Group } from 'three';
import { describe, expect, it } from 'vitest';
import { listXrTargets, registerXrTarget, updateXrTarget } from './targets.ts';

describe('XR target registry', () => {
  it('lists a target where it is, with its state, until it is unregistered — also after an update', () => {
    const group = new Group();
    const mesh = new Mesh(new BoxGeometry(0.2, 0.1, 0.02));
    mesh.position.set(0.5, 1.2, -1.1);
    group.add(mesh);
    const unregister = registerXrTarget({ id: 'button:quiz.submit', kind: 'button', label: '提交答案', state: 'disabled', object: mesh });
    updateXrTarget('button:quiz.submit', { state: 'off' });
    const [info] = listXrTargets().filter((t) => t.id === 'button:quiz.submit');
    expect(info).toMatchObject({ kind: 'button', label: '提交答案', state: 'off', visible: true });
    expect(info!.center.map((v) => Math.round(v * 100) / 100)).toEqual([0.5, 1.2, -1.1]);
    group.visible = false;
    expect(listXrTargets().find((t) => t.id === 'button:quiz.submit')?.visible).toBe(false);
    unregister();
    expect(listXrTargets().some((t) => t.id === 'button:quiz.submit')).toBe(false);
  });

  it('a later registration under the same id is not removed by the earlier one unregistering', () => {
    const first = registerXrTarget({ id: 'prop:x', kind: 'prop', label: 'a', object: new Group() });
    const second = registerXrTarget({ id: 'prop:x', kind: 'prop', label: 'b', object: new Group() });
    first();
    expect(listXrTargets().find((t) => t.id === 'prop:x')?.label).toBe('b');
    second();
    expect(listXrTargets().some((t) => t.id === 'prop:x')).toBe(false);
  });
});
