import { Group, Matrix4, Mesh, MeshBasicMaterial, PlaneGeometry, Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { isPressAlong, isPressSelect, PRESS_BUTTON_ID } from './trigger.ts';

const named = (name: string, visible = true) => {
  const object = new Mesh();
  object.name = name;
  object.visible = visible;
  return { object };
};

describe('a trigger pull in the rhythm step', () => {
  it('presses when it points at nothing, at the press button, a prop or the text', () => {
    expect(isPressAlong([])).toBe(true);
    expect(isPressAlong([named('')])).toBe(true);
    expect(isPressAlong([named(PRESS_BUTTON_ID)])).toBe(true);
    expect(isPressAlong([named('prop:manikin')])).toBe(true);
    expect(isPressAlong([named('panel:rhythm')])).toBe(true);
  });

  it('is another control’s press when that control is the first one along the ray', () => {
    expect(isPressAlong([named('button:rhythm.done')])).toBe(false);
    expect(isPressAlong([named('teleport:2')])).toBe(false);
    // The ray's own line and a hidden button in front are passed over.
    expect(isPressAlong([named(''), named('button:rhythm.done', false), named('button:comfort.exit')])).toBe(false);
    expect(isPressAlong([named('button:rhythm.done', false), named(PRESS_BUTTON_ID)])).toBe(true);
  });

  it('finds a child mesh’s control by its ancestor’s name', () => {
    const group = new Group();
    group.name = 'button:rhythm.page';
    const child = new Mesh();
    group.add(child);
    expect(isPressAlong([{ object: child }])).toBe(false);
  });

  it('casts the controller ray from the origin space into the world', () => {
    // A "stop" button 1 m ahead of a visitor whose origin stands at x = 5, turned to face +X.
    const scene = new Group();
    const done = new Mesh(new PlaneGeometry(0.2, 0.2), new MeshBasicMaterial());
    done.name = 'button:rhythm.done';
    done.position.set(6, 1.2, 0);
    done.rotation.y = -Math.PI / 2;
    scene.add(done);
    scene.updateMatrixWorld(true);
    const origin = new Matrix4().compose(new Vector3(5, 0, 0), new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), -Math.PI / 2), new Vector3(1, 1, 1));
    const ahead = { position: { x: 0, y: 1.2, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } };
    expect(isPressSelect(ahead, origin, scene)).toBe(false);
    const up = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), Math.PI / 3);
    expect(isPressSelect({ ...ahead, orientation: { x: up.x, y: up.y, z: up.z, w: up.w } }, origin, scene)).toBe(true);
    expect(isPressSelect(ahead, new Matrix4(), scene)).toBe(true);
  });
});
