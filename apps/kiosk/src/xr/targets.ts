// Everything a visitor can point at in VR (prop, in-world button, teleport point), by a stable id, so tests (and an
// operator's mirror view) can find it: a canvas has no DOM to query. In-world controls register here when they mount.
import type { Object3D } from 'three';
import { Box3, Vector3 } from 'three';

export type XrTargetKind = 'prop' | 'button' | 'teleport';

export interface XrTarget {
  id: string;
  kind: XrTargetKind;
  /** What it says or is called, in the visitor's language (the in-world label). */
  label: string;
  /** Pressed-in look (a chosen quiz answer) or not available (a spent choice). */
  state?: 'on' | 'off' | 'disabled';
  object: Object3D;
}

const targets = new Map<string, XrTarget>();

/** Registers a target; the returned function unregisters it (call on unmount). */
export function registerXrTarget(target: XrTarget): () => void {
  targets.set(target.id, target);
  return () => {
    if (targets.get(target.id) === target) targets.delete(target.id);
  };
}

export function updateXrTarget(id: string, patch: Partial<Omit<XrTarget, 'id' | 'object'>>): void {
  // In place: the unregister function of registerXrTarget compares by identity.
  const t = targets.get(id);
  if (t) Object.assign(t, patch);
}

export interface XrTargetInfo {
  id: string;
  kind: XrTargetKind;
  label: string;
  state?: XrTarget['state'];
  /** Centre of its bounding box in world space, metres. */
  center: [number, number, number];
  visible: boolean;
}

const box = new Box3();
const centre = new Vector3();

function isVisible(object: Object3D): boolean {
  for (let o: Object3D | null = object; o; o = o.parent) if (!o.visible) return false;
  return true;
}

/** A snapshot of the targets now (not for the frame loop: it allocates). */
export function listXrTargets(): XrTargetInfo[] {
  return [...targets.values()].map((t) => {
    t.object.updateWorldMatrix(true, true);
    box.setFromObject(t.object).getCenter(centre);
    return { id: t.id, kind: t.kind, label: t.label, state: t.state, center: [centre.x, centre.y, centre.z], visible: isVisible(t.object) };
  });
}
