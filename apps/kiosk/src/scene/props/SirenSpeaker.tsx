// An air-raid siren loudspeaker mast: a 5 m steel pole, a cross-arm carrying three horn loudspeakers pointing out
// (+z, +x and -x), and the control box with its conduit near the foot.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const STEEL = '#8d949a';
const HORN = '#d9dcd8';

export const SirenSpeaker = definePropModel('siren-speaker', 'SirenSpeaker', (b) => {
  b.block([0.5, 0.12, 0.5], [0, 0, 0], '#9a968e');
  b.cylinder(0.07, 0.09, 5, [0, 2.6, 0], STEEL, { segments: 10 });
  b.box([1.1, 0.08, 0.08], [0, 4.6, 0], STEEL);
  b.box([0.08, 0.08, 0.7], [0, 4.6, 0.3], STEEL);
  // Horns: a driver can at the back, the flare opening outwards, a dark throat in its mouth.
  const horns: { at: [number, number, number]; rot: [number, number, number]; mouth: [number, number, number] }[] = [
    { at: [0, 4.75, 0.42], rot: [HALF_PI, 0, 0], mouth: [0, 4.75, 0.7] },
    { at: [0.42, 4.75, 0], rot: [0, 0, -HALF_PI], mouth: [0.7, 4.75, 0] },
    { at: [-0.42, 4.75, 0], rot: [0, 0, HALF_PI], mouth: [-0.7, 4.75, 0] },
  ];
  for (const { at, rot, mouth } of horns) {
    b.cylinder(0.26, 0.06, 0.56, at, HORN, { rot, segments: 12 });
    b.cylinder(0.24, 0.24, 0.02, mouth, '#3b3d40', { rot, segments: 12 });
    const back: [number, number, number] = [at[0] - (mouth[0] - at[0]) * 1.1, at[1], at[2] - (mouth[2] - at[2]) * 1.1];
    b.cylinder(0.09, 0.09, 0.16, back, '#6e7378', { rot, segments: 10 });
    b.rod([back[0], 4.64, back[2]], [back[0], 4.75, back[2]], 0.02, STEEL);
  }
  b.sphere(0.09, [0, 5.15, 0], STEEL, { segments: 8, scale: [1, 0.6, 1] });
  // Control box and conduit.
  b.block([0.4, 0.55, 0.22], [0, 1.2, 0.18], '#b9bec2');
  b.box([0.36, 0.5, 0.01], [0, 1.475, 0.295], '#a7adb2');
  b.cylinder(0.05, 0.05, 0.08, [0, 1.55, 0.3], '#f2c200', { rot: [HALF_PI, 0, 0], segments: 3 });
  b.cylinder(0.02, 0.02, 2.9, [0.12, 3.2, 0.08], '#4b5157', { segments: 6 });
});
