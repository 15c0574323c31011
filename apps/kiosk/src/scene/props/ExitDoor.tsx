// A 2 × 2.2 m double exit door in its frame (open at the wall plane, front facing +z).
import type { ModelBuilder } from '../modelBuilder.ts';
import { definePropModel } from './definePropModel.tsx';

/** The door itself; ExitDoorLocked adds its chain and padlock on top. */
export function buildDoubleDoor(b: ModelBuilder): void {
  const frame = '#454b52';
  b.box([0.09, 2.2, 0.16], [-0.955, 1.1, 0], frame);
  b.box([0.09, 2.2, 0.16], [0.955, 1.1, 0], frame);
  b.box([2, 0.09, 0.16], [0, 2.155, 0], frame);
  b.box([1.84, 0.02, 0.22], [0, 0.01, 0.02], '#6b7177');
  for (const side of [-1, 1]) {
    const x = side * 0.456;
    b.box([0.9, 2.08, 0.05], [x, 1.06, 0], '#2f7357');
    b.box([0.32, 0.5, 0.056], [side * 0.5, 1.62, 0], '#a9cbdc');
    b.box([0.36, 0.54, 0.052], [side * 0.5, 1.62, 0], '#1f4e3b');
    b.box([0.86, 0.24, 0.056], [x, 0.15, 0], '#8f989f');
    // Panic bar with its end housings.
    b.rod([side * 0.12, 1.0, 0.065], [side * 0.8, 1.0, 0.065], 0.022, '#c9ced3');
    b.box([0.08, 0.09, 0.06], [side * 0.82, 1.0, 0.045], '#9aa1a7');
    b.box([0.06, 0.07, 0.05], [side * 0.11, 1.0, 0.045], '#9aa1a7');
  }
  b.box([0.014, 2.08, 0.056], [0, 1.06, 0], '#101412');
}

export const ExitDoor = definePropModel('exit-door', 'ExitDoor', buildDoubleDoor);
