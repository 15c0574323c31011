// A sheet of one text panel with a row of buttons along its bottom edge: the case card, the hunt review, the result
// and (smaller, low and to the side) the hunt. The buttons stay at the bottom of the sheet whatever the text's length,
// so "continue" is always in the same place.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useButtonHeights, useDmm, XrButton, XrSheet, XrTextPanel, GAP_DMM, type SheetPlacement, type TextBlock } from '../ui/index.ts';
import { continueAction, type ActionSpec } from './ActionSpec.ts';
import { SHEETS } from './placement.ts';
import { useEyeHeight } from './useEyeHeight.tsx';

export interface PanelSheetProps {
  /** Names the sheet and its panel's page button (`button:<id>.page`). */
  id: string;
  placement: SheetPlacement;
  blocks: readonly TextBlock[];
  /** Left to right; the last is the main action, at the right. */
  actions: readonly ActionSpec[];
  /** Share of the row the buttons take, from the right (1: the full width). */
  actionsShare?: number;
}

export function PanelSheet(props: PanelSheetProps): JSX.Element {
  return (
    <XrSheet placement={props.placement} eyeHeight={useEyeHeight()} name={`sheet:${props.id}`}>
      <PanelSheetContent {...props} />
    </XrSheet>
  );
}

// Inside the sheet, so sizes in dmm turn into metres at this sheet's distance.
function PanelSheetContent({ id, placement, blocks, actions, actionsShare = 1 }: PanelSheetProps): JSX.Element {
  const { t } = useTranslation();
  const dmm = useDmm();
  const gap = dmm(GAP_DMM);
  const { width: w, height: h } = placement;
  const rowWidth = w * actionsShare;
  const buttonWidth = (rowWidth - gap * (actions.length - 1)) / Math.max(1, actions.length);
  // Left of the buttons, the row has room for the panel's page button: the text keeps the whole height above the row.
  const pagerWidth = w - rowWidth - gap;
  const hasPagerRoom = pagerWidth >= w / 3;
  const heights = useButtonHeights(
    actions.map((a) => ({ label: a.label, tag: a.tag, tagReserve: a.tagReserve, mark: a.mark !== undefined, labelStyle: a.labelStyle })),
    buttonWidth,
  );
  const pagerHeights = useButtonHeights(
    hasPagerRoom ? ['vrSteps.pageNext', 'vrSteps.pageFirst'].map((key) => ({ label: t(key, { n: 99, total: 99 }), mark: true })) : [],
    pagerWidth,
  );
  const rowHeight = Math.max(0, ...heights, ...pagerHeights);
  return (
    <>
      <XrTextPanel
        id={id}
        blocks={blocks}
        left={-w / 2}
        top={h / 2}
        width={w}
        maxHeight={h - rowHeight - gap}
        pagerSlot={hasPagerRoom ? { left: -w / 2, top: -h / 2 + rowHeight, width: pagerWidth, height: rowHeight } : undefined}
      />
      {actions.map((a, i) => (
        <XrButton key={a.id} {...a} left={w / 2 - rowWidth + i * (buttonWidth + gap)} top={-h / 2 + rowHeight} width={buttonWidth} height={rowHeight} />
      ))}
    </>
  );
}

/** A wide sheet whose only button is the way on (`button:<id>.continue`): the case card, the hunt review, a summary. */
export function ContinueSheet({ id, blocks, label, onContinue }: { id: string; blocks: readonly TextBlock[]; label: string; onContinue: () => void }): JSX.Element {
  return (
    <PanelSheet
      id={id}
      placement={SHEETS.wide}
      blocks={blocks}
      actionsShare={0.5}
      actions={[continueAction(id, label, onContinue)]}
    />
  );
}
