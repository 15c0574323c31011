import type { XrButtonProps } from '../ui/index.ts';

/** A button a step asks for; the sheet decides where it goes (so it has everything of a button but its place). */
export type ActionSpec = Omit<XrButtonProps, 'left' | 'top' | 'width' | 'height' | 'align' | 'z'>;

/** The way on out of a sheet: its primary button `button:<sheetId>.continue`. */
export function continueAction(sheetId: string, label: string, onPress: () => void): ActionSpec {
  return { id: `button:${sheetId}.continue`, label, variant: 'primary', onPress };
}
