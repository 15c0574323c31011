import { createContext, useCallback, useContext, type JSX, type ReactNode } from 'react';
import { metresFor } from './legibility.ts';
import { sheetPose, type SheetPlacement } from './sheet.ts';

const SheetContext = createContext<SheetPlacement | null>(null);
/** Where a component stands when it is drawn outside any sheet (a preview): the reading distance. */
const DEFAULT_DISTANCE = 1.2;

/** dmm → metres at the distance of the sheet the caller is drawn on: sizes stay the same angle wherever a sheet is. */
export function useDmm(): (dmm: number) => number {
  const distance = useContext(SheetContext)?.distance ?? DEFAULT_DISTANCE;
  return useCallback((dmm: number) => metresFor(dmm, distance), [distance]);
}

export interface XrSheetProps {
  placement: SheetPlacement;
  /** The visitor's eye height in the parent's space (origin space: the floor is y = 0). */
  eyeHeight: number;
  name?: string;
  /** In the sheet's own plane: metres, origin at the centre of its box, x right, y up, +z towards the eye. */
  children: ReactNode;
}

/** A board of in-world UI turned to face the eye, at its placement. */
export function XrSheet({ placement, eyeHeight, name, children }: XrSheetProps): JSX.Element {
  const { position, rotation } = sheetPose(placement, eyeHeight);
  return (
    <SheetContext.Provider value={placement}>
      <group name={name} position={[position[0], position[1], position[2]]} rotation={[rotation[0], rotation[1], rotation[2], 'YXZ']}>
        {children}
      </group>
    </SheetContext.Provider>
  );
}
