// A sheet of text and a column of choices, with the step's action at the bottom of the column. Two layouts:
// - 'split' (decisions, quiz and the like): text on the left, the column on the right; with no choices, the text spans
//   the sheet.
// - 'side' (a drill done on objects of the room): narrow, low and to the right (where the hunt's panel stands), so the
//   rays to the objects ahead pass clear of it; text on top, the column below it.
// Choices stack from the top of the column; the action never moves. Choices too many or too long for the column at a
// readable size go onto pages of their own, turned by a button above the action.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useButtonHeights, useDmm, XrButton, XrSheet, XrTextPanel, GAP_DMM, type TextBlock } from '../ui/index.ts';
import type { ActionSpec } from './ActionSpec.ts';
import { stackPages } from './stackPages.ts';
import { SHEETS } from './placement.ts';
import { useEyeHeight } from './useEyeHeight.tsx';

/** 'split': the text column's share of the sheet's width (choices get the larger share, their labels wrap the most). */
const SPLIT_TEXT_SHARE = 0.4;
/** 'side': the text's share of the sheet's height at most (the buttons below are what the visitor works with). */
const SIDE_TEXT_SHARE = 0.42;

export type SheetLayout = 'split' | 'side';

export interface SplitSheetProps {
  id: string;
  blocks: readonly TextBlock[];
  choices: readonly ActionSpec[];
  action: ActionSpec | null;
  /** 'split' unless said. */
  layout?: SheetLayout;
}

const PLACEMENTS = { split: SHEETS.split, side: SHEETS.hunt } as const;

export function SplitSheet(props: SplitSheetProps): JSX.Element {
  const layout = props.layout ?? 'split';
  // Keyed by the layout: a sheet moving to the other layout is another sheet, placed afresh.
  return (
    <XrSheet key={layout} placement={PLACEMENTS[layout]} eyeHeight={useEyeHeight()} name={`sheet:${props.id}`}>
      <SplitSheetContent {...props} layout={layout} />
    </XrSheet>
  );
}

// Inside the sheet, so sizes in dmm turn into metres at this sheet's distance.
function SplitSheetContent({ id, blocks, choices, action, layout }: SplitSheetProps & { layout: SheetLayout }): JSX.Element {
  const { t } = useTranslation();
  const dmm = useDmm();
  const gap = dmm(GAP_DMM);
  const { width: w, height: h } = PLACEMENTS[layout];
  const side = layout === 'side';
  const textWidth = side ? w : w * SPLIT_TEXT_SHARE;
  const columnLeft = side ? -w / 2 : -w / 2 + textWidth + 2 * gap;
  const columnWidth = side ? w : w / 2 - columnLeft;
  const pagerLabel = (n: number, total: number) => t('vrSteps.moreChoices', { n, total });
  const specs = [...choices, ...(action ? [action] : []), { id: 'pager', label: pagerLabel(99, 99), mark: 'next' as const, onPress: () => {} }];
  const heights = useButtonHeights(
    specs.map((a) => ({ label: a.label, tag: a.tag, tagReserve: a.tagReserve, mark: a.mark !== undefined, labelStyle: a.labelStyle })),
    columnWidth,
  );
  const actionHeight = action ? heights[choices.length]! : 0;
  const actionRoom = action ? actionHeight + gap : 0;
  const pagerHeight = heights.at(-1)!;
  // The text's box, and the column's top and height below or beside it.
  let text: { width: number; maxHeight: number };
  let columnTop: number;
  let room: number;
  if (side) {
    const textHeight = choices.length > 0 ? h * SIDE_TEXT_SHARE : h - actionRoom;
    text = { width: w, maxHeight: textHeight };
    columnTop = h / 2 - textHeight - gap;
    room = h - textHeight - gap - actionRoom;
  } else {
    // Nothing to choose (a decision's consequence): the text takes the whole width above the action.
    text = choices.length > 0 ? { width: textWidth, maxHeight: h } : { width: w, maxHeight: h - actionHeight - gap };
    columnTop = h / 2;
    room = h - actionRoom;
  }
  const pages = stackPages(heights.slice(0, choices.length), gap, room, pagerHeight + gap);

  const choicesKey = choices.map((c) => c.id).join(' ');
  const [paging, setPaging] = useState({ key: choicesKey, page: 0 });
  const page = paging.key === choicesKey ? Math.min(paging.page, pages.length - 1) : 0;
  const shown = pages[page] ?? [];

  return (
    <>
      <XrTextPanel id={id} blocks={blocks} left={-w / 2} top={h / 2} width={text.width} maxHeight={text.maxHeight} />
      {shown.map(({ index, top }) => {
        const spec = choices[index]!;
        return <XrButton key={spec.id} {...spec} align="start" left={columnLeft} top={columnTop - top} width={columnWidth} height={heights[index]!} />;
      })}
      {pages.length > 1 && (
        <XrButton
          id={`button:${id}.choices-page`}
          label={pagerLabel(page + 1, pages.length)}
          mark="next"
          left={columnLeft}
          top={-h / 2 + actionRoom + pagerHeight}
          width={columnWidth}
          height={pagerHeight}
          onPress={() => setPaging({ key: choicesKey, page: (page + 1) % pages.length })}
        />
      )}
      {action && <XrButton key={action.id} {...action} left={columnLeft} top={-h / 2 + actionHeight} width={columnWidth} height={actionHeight} />}
    </>
  );
}
