// The rhythm step in the headset: a sheet with the count and the live rate above a big press button. In a session every
// trigger pull presses, wherever it points (isPressSelect), counted on the pull itself for the rhythm; outside one (the
// station's preview) the button presses. After the count, the summary and "continue".
import { rhythmPace, type Pace } from '@ruyi/mechanics/rhythm';
import { useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useEffect, useRef, type JSX } from 'react';
import type { Group } from 'three';
import { ContinueSheet } from '../../xr/steps/PanelSheet.tsx';
import { SHEETS } from '../../xr/steps/placement.ts';
import { useEyeHeight } from '../../xr/steps/useEyeHeight.tsx';
import { verdictBlock } from '../../xr/steps/verdictBlock.ts';
import { GAP_DMM, useDmm, XrButton, XrSheet, XrTextPanel, type MarkKind, type TextBlock, type Tone } from '../../xr/ui/index.ts';
import type { StepViewProps } from '../views.ts';
import { useMechanicText } from '../useMechanicText.ts';
import { rhythmSummary } from './summary.ts';
import { isPressSelect, PRESS_BUTTON_ID } from './trigger.ts';

/** A mark for each live verdict: an arrow forward for "faster", back for "slower". */
const PACE_LOOK: Record<Pace, { mark: MarkKind; tone: Tone }> = {
  tooSlow: { mark: 'next', tone: 'bad' },
  tooFast: { mark: 'prev', tone: 'bad' },
  good: { mark: 'check', tone: 'good' },
};

/** The press button's share of the sheet's height: a target hard to miss, with room above for the count and rate. */
const PRESS_SHARE = 0.36;
/** Its share of the row's width; "stop" takes the rest, well apart. */
const PRESS_WIDTH_SHARE = 0.66;

export function Vr(props: StepViewProps<'rhythm'>): JSX.Element {
  return props.state.stage === 'pressing' ? <Pressing {...props} /> : <Summary {...props} />;
}

function Pressing({ step, state, dispatch }: StepViewProps<'rhythm'>): JSX.Element {
  const { k, l } = useMechanicText('rhythm');
  const session = useXR((s) => s.session);
  const referenceSpace = useXR((s) => s.originReferenceSpace);
  const scene = useThree((s) => s.scene);
  // Mounted under the XR origin without a transform of its own: its world matrix is the origin's.
  const originSpace = useRef<Group>(null);
  const dispatchRef = useRef(dispatch);
  dispatchRef.current = dispatch;

  useEffect(() => {
    if (!session || !referenceSpace) return;
    const onSelectStart = (e: XRInputSourceEvent) => {
      const pose = e.frame.getPose(e.inputSource.targetRaySpace, referenceSpace);
      const group = originSpace.current;
      if (pose && group) {
        group.updateWorldMatrix(true, false);
        if (!isPressSelect(pose.transform, group.matrixWorld, scene)) return;
      }
      dispatchRef.current({ type: 'press' });
    };
    session.addEventListener('selectstart', onSelectStart);
    return () => session.removeEventListener('selectstart', onSelectStart);
  }, [session, referenceSpace, scene]);

  const n = state.tapsMs.length;
  const pace = rhythmPace(step, state.tapsMs);
  const blocks: TextBlock[] = [
    { style: 'small', text: k('heading'), tone: 'muted' },
    { style: 'title', text: k('counter', { n, count: step.count }) },
    pace
      ? { style: 'label', text: `${l(step[pace.pace])} · ${k('rate', { rate: pace.perMinute })}`, ...PACE_LOOK[pace.pace] }
      : { style: 'label', text: k('firstPress'), mark: 'info', tone: 'muted' },
    { style: 'small', text: k('target', { count: step.count, min: step.minPerMinute, max: step.maxPerMinute }), tone: 'muted', gap: 0.3 },
    { style: 'small', text: k('vrPressHint'), tone: 'muted' },
    { style: 'body', text: l(step.instructions), gap: 0.3 },
  ];
  return (
    <group ref={originSpace}>
      <XrSheet placement={SHEETS.wide} eyeHeight={useEyeHeight()} name="sheet:rhythm">
        <PressingContent
          blocks={blocks}
          pressLabel={k('press')}
          doneLabel={k('done')}
          // In a session the trigger's selectstart has pressed already; the button's click is that same pull.
          onPress={() => !session && dispatch({ type: 'press' })}
          onDone={() => dispatch({ type: 'finish' })}
        />
      </XrSheet>
    </group>
  );
}

// Inside the sheet, so sizes in dmm turn into metres at this sheet's distance.
function PressingContent(props: { blocks: TextBlock[]; pressLabel: string; doneLabel: string; onPress: () => void; onDone: () => void }): JSX.Element {
  const dmm = useDmm();
  const gap = dmm(GAP_DMM);
  const { width: w, height: h } = SHEETS.wide;
  const pressHeight = h * PRESS_SHARE;
  const pressWidth = w * PRESS_WIDTH_SHARE;
  const bottom = -h / 2 + pressHeight;
  return (
    <>
      <XrTextPanel id="rhythm" blocks={props.blocks} left={-w / 2} top={h / 2} width={w} maxHeight={h - pressHeight - gap} />
      <XrButton id={PRESS_BUTTON_ID} label={props.pressLabel} variant="primary" left={-w / 2} top={bottom} width={pressWidth} height={pressHeight} onPress={props.onPress} />
      <XrButton id="button:rhythm.done" label={props.doneLabel} mark="cross" left={-w / 2 + pressWidth + 4 * gap} top={bottom} width={w - pressWidth - 4 * gap} onPress={props.onDone} />
    </>
  );
}

function Summary({ step, state, dispatch }: StepViewProps<'rhythm'>): JSX.Element {
  const { k, l } = useMechanicText('rhythm');
  const { n, score, countOk, rateOk, advice } = rhythmSummary(step, state);
  const blocks: TextBlock[] = [
    { style: 'heading', text: k('summaryHeading') },
    verdictBlock(countOk, k('summaryCount', { n, count: step.count }), { gap: 0.3 }),
    verdictBlock(rateOk, k('summaryRate', { good: score.right, total: score.total })),
    { style: 'body', text: l(advice), gap: 0.3 },
  ];
  return <ContinueSheet id="rhythm" blocks={blocks} label={k('continue')} onContinue={() => dispatch({ type: 'finish' })} />;
}
