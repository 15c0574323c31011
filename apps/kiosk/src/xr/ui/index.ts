// The in-world UI kit: text panels and buttons drawn as meshes with canvas textures in the app's font, sized in dmm
// (angular units) so they stay readable at any distance, pressed through R3F pointer events (mouse, touch, XR ray and
// pinch alike). Its only public face.
export { XrSheet, useDmm, type XrSheetProps } from './sheetContext.tsx';
export { XrTextPanel, type XrTextPanelProps } from './XrTextPanel.tsx';
export { XrButton, type XrButtonProps } from './XrButton.tsx';
export { useButtonHeights, type ButtonText } from './useButtonHeights.ts';
export type { ButtonLabelStyle } from './measure.ts';
export type { MarkKind, TextBlock, Tone } from './blockLayout.ts';
export { sheetPose, sheetPoint, sheetAxes, type SheetPlacement, type SheetPose } from './sheet.ts';
export { MIN_TEXT_DMM, MIN_TEXT_DEG, MIN_HIT_DMM, MIN_HIT_DEG, angularSizeDeg, metresFor } from './legibility.ts';
export { TYPE, GAP_DMM, type TextStyleName } from './type.ts';
