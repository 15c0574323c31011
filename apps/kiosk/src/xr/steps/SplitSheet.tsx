// A sheet of text on the left and a column of choices on the right, with the step's action at the bottom of the
// column: decisions and quiz. Choices stack from the top; the action never moves. Choices too many or too long for
// the column at a readable size go onto pages of their own, turned by a button above the action. With no choices,
// the text spans the sheet.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useButtonHeights, useDmm, XrButton, XrSheet, XrTextPanel, GAP_DMM, type TextBlock } from '../ui/index.ts';
import type { ActionSpec } from './ActionSpec.ts';
import { stackPages } from './stackPages.ts';
import { SHEETS } from './placement.ts';
import { useEyeHeight } from './useEyeHeight.tsx';

/** The text column's share of the sheet's width: choices get the larger share, their labels wrap the most. */
const TEXT_SHARE = 0.4;

export interface SplitSheetProps {
  id: string;
  blocks: readonly TextBlock[];
  choices: readonly ActionSpec[];
  action: ActionSpec | null;
}

export function SplitSheet(props: SplitSheetProps): JSX.Element {
  return (
    <XrSheet placement={SHEETS.split} eyeHeight={useEyeHeight()} name={`sheet:${props.id}`}>
      <SplitSheetContent {...props} />
    </XrSheet>
  );
}

// Inside the sheet, so sizes in dmm turn into metres at this sheet's distance.
function SplitSheetContent({ id, blocks, choices, action }: SplitSheetProps): JSX.Element {
  const { t } = useTranslation();
  const dmm = useDmm();
  const gap = dmm(GAP_DMM);
  const { width: w, height: h } = SHEETS.split;
  const textWidth = w * TEXT_SHARE;
  const columnLeft = -w / 2 + textWidth + 2 * gap;
  const columnWidth = w / 2 - columnLeft;
  const pagerLabel = (n: number, total: number) => t('vrSteps.moreChoices', { n, total });
  const specs = [...choices, ...(action ? [action] : []), { id: 'pager', label: pagerLabel(99, 99), mark: 'next' as const, onPress: () => {} }];
  const heights = useButtonHeights(
    specs.map((a) => ({ label: a.label, tag: a.tag, tagReserve: a.tagReserve, mark: a.mark !== undefined, labelStyle: a.labelStyle })),
    columnWidth,
  );
  const actionHeight = action ? heights[choices.length]! : 0;
  const pagerHeight = heights.at(-1)!;
  const room = h - (action ? actionHeight + gap : 0);
  const pages = stackPages(heights.slice(0, choices.length), gap, room, pagerHeight + gap);

  const choicesKey = choices.map((c) => c.id).join(' ');
  const [paging, setPaging] = useState({ key: choicesKey, page: 0 });
  const page = paging.key === choicesKey ? Math.min(paging.page, pages.length - 1) : 0;
  const shown = pages[page] ?? [];

  return (
    <>
      {choices.length > 0 ? (
        <XrTextPanel id={id} blocks={blocks} left={-w / 2} top={h / 2} width={textWidth} maxHeight={h} />
      ) : (
        // Nothing to choose (a decision's consequence): the text takes the whole width above the action.
        <XrTextPanel id={id} blocks={blocks} left={-w / 2} top={h / 2} width={w} maxHeight={h - actionHeight - gap} />
      )}
      {shown.map(({ index, top }) => {
        const spec = choices[index]!;
        return <XrButton key={spec.id} {...spec} align="start" left={columnLeft} top={h / 2 - top} width={columnWidth} height={heights[index]!} />;
      })}
      {pages.length > 1 && (
        <XrButton
          id={`button:${id}.choices-page`}
          label={pagerLabel(page + 1, pages.length)}
          mark="next"
          left={columnLeft}
          top={-h / 2 + (action ? actionHeight + gap : 0) + pagerHeight}
          width={columnWidth}
          height={pagerHeight}
          onPress={() => setPaging({ key: choicesKey, page: (page + 1) % pages.length })}
        />
      )}
      {action && <XrButton key={action.id} {...action} left={columnLeft} top={-h / 2 + actionHeight} width={columnWidth} height={actionHeight} />}
    </>
  );
}
