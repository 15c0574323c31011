// A button in the world: one mesh, one canvas texture. It answers R3F pointer events, which @react-three/xr feeds from
// controller rays and hand pinches exactly as the canvas feeds them from mouse and touch: one input path for all.
import type { ThreeEvent } from '@react-three/fiber';
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { Mesh } from 'three';
import { inputNow } from '../../components/InputGuard.tsx';
import { registerXrTarget, updateXrTarget, type XrTarget } from '../targets.ts';
import type { MarkKind, Tone } from './blockLayout.ts';
import type { ButtonLayout } from './buttonLayout.ts';
import { fontCss, useFontsReady } from './fonts.ts';
import { xrControlsChanged, xrTakesPress } from './inputGate.ts';
import { drawMark } from './marks.ts';
import { useTypeMeasure, type ButtonLabelStyle, type TypeMeasure } from './measure.ts';
import { paintSurface, pxPerMetre, useCanvasSurface } from './surface.ts';
import { COLOURS } from './theme.ts';
import { TYPE } from './type.ts';

export interface XrButtonProps {
  /** The target id tests and the operator's mirror find it by, e.g. `button:quiz.submit`. */
  id: string;
  label: string;
  /** Top-left corner and width in the sheet's plane, metres. */
  left: number;
  top: number;
  width: number;
  /** Metres; by default as tall as the label needs (never under the minimum hit target). */
  height?: number;
  onPress: () => void;
  variant?: 'primary' | 'secondary';
  /** Drawn left of the label: a radio, a check box, an arrow, a verdict. */
  mark?: MarkKind;
  markTone?: Tone;
  /** Smaller words after the label (a quiz choice's "Selected", "Right answer"). */
  tag?: string | null;
  /** The tag's room is kept for this text while there is no tag, so the button keeps its height (see layoutButton). */
  tagReserve?: string;
  /** A toggle's state (a quiz choice): shown by the mark and the tag's words, not by colour alone. */
  state?: 'on' | 'off';
  disabled?: boolean;
  align?: 'center' | 'start';
  /** 'choice' for an answer to pick (regular weight), 'button' for an action (bold, the default). */
  labelStyle?: ButtonLabelStyle;
  /** In front of the sheet's plane, metres (a button on a panel sits just above it). */
  z?: number;
}

export function XrButton(props: XrButtonProps): JSX.Element {
  const { id, label, left, top, width, onPress, tag, tagReserve, state, disabled = false, z = 0, labelStyle = 'button' } = props;
  const type = useTypeMeasure();
  const ready = useFontsReady(label + (tag ?? '') + (tagReserve ?? ''));
  const layout = useMemo(
    () => (ready ? type.layoutButton(label, tag, width, props.mark !== undefined, labelStyle, tagReserve) : null),
    [ready, label, tag, tagReserve, width, props.mark, labelStyle, type],
  );
  // Keep the last layout while new glyphs load, so a label change does not blank the button.
  const lastLayout = useRef<ButtonLayout | null>(null);
  if (layout) lastLayout.current = layout;
  const shown = layout ?? lastLayout.current;
  const height = props.height ?? shown?.height ?? type.buttonSizes.minHeight;

  const surface = useCanvasSurface();
  const invalidate = useThree((s) => s.invalidate);
  const mesh = useRef<Mesh>(null);
  const [pointers] = useState(() => ({ current: new Set<number>() }));
  const [hovered, setHovered] = useState(false);
  const [pressed, setPressed] = useState(false);
  const [drawn, setDrawn] = useState(false);

  const targetState: XrTarget['state'] = disabled ? 'disabled' : state;
  useEffect(() => {
    if (!mesh.current) return;
    return registerXrTarget({ id, kind: 'button', label, state: targetState, object: mesh.current });
    // Label and state are patched below: only a new id is a new target.
  }, [id]);
  useEffect(() => updateXrTarget(id, { label, state: targetState }), [id, label, targetState]);
  // A new button, or new words on one, is a changed scene: presses wait for it to settle (inputGate.ts). A toggle's
  // state is not: the visitor just pressed it and may go on.
  useEffect(() => xrControlsChanged(), [id, label]);
  /** When the press that may become a click went down (a press already down when the scene changed does not count). */
  const downAt = useRef(Number.NEGATIVE_INFINITY);

  useEffect(() => {
    if (!layout) return;
    const look = { ...props, hovered: hovered && !disabled, pressed: pressed && !disabled, disabled };
    const ppm = pxPerMetre(width, height);
    paintSurface(surface, width * ppm, height * ppm, (ctx) => drawButton(ctx, ppm, width, height, layout, look, type));
    setDrawn(true);
    invalidate();
    // What changes the look is listed field by field: the props object itself is new on every render.
  }, [layout, hovered, pressed, disabled, width, height, props.variant, props.mark, props.markTone, props.align, labelStyle, tag, state, surface, type, invalidate]);

  const stop = (e: ThreeEvent<PointerEvent | MouseEvent>) => e.stopPropagation();
  return (
    <mesh
      ref={mesh}
      name={id}
      geometry={surface.geometry}
      material={surface.material}
      position={[left + width / 2, top - height / 2, z]}
      scale={[width, height, 1]}
      visible={drawn}
      onPointerOver={(e) => {
        stop(e);
        pointers.current.add(e.pointerId);
        setHovered(true);
      }}
      onPointerOut={(e) => {
        pointers.current.delete(e.pointerId);
        setHovered(pointers.current.size > 0);
        setPressed(false);
      }}
      onPointerDown={(e) => {
        stop(e);
        downAt.current = inputNow();
        setPressed(true);
      }}
      onPointerUp={(e) => {
        stop(e);
        setPressed(false);
      }}
      onClick={(e) => {
        stop(e);
        if (!disabled && xrTakesPress(downAt.current)) onPress();
      }}
    />
  );
}

interface Look extends XrButtonProps {
  hovered: boolean;
  pressed: boolean;
  disabled: boolean;
}

function drawButton(ctx: CanvasRenderingContext2D, ppm: number, width: number, height: number, layout: ButtonLayout, look: Look, type: TypeMeasure): void {
  const w = width * ppm;
  const h = height * ppm;
  const primary = look.variant === 'primary' && !look.disabled;
  const on = look.state === 'on';
  const edge = Math.max(3, 0.004 * ppm);
  let fill: string = primary ? COLOURS.accent : on ? COLOURS.selected : COLOURS.button;
  if (look.disabled) fill = COLOURS.panel;
  if (look.pressed) fill = primary ? '#e09000' : '#2f5282';
  else if (look.hovered && !primary) fill = '#2a4a72';
  const textColour = primary ? COLOURS.accentText : look.disabled ? COLOURS.disabledText : COLOURS.text;

  ctx.beginPath();
  ctx.roundRect(edge / 2, edge / 2, w - edge, h - edge, Math.min(h / 4, 0.012 * ppm));
  ctx.fillStyle = fill;
  ctx.fill();
  // Hover: a thick focus ring (what a controller ray is on). Disabled: a dashed edge. Selected: an accent edge.
  ctx.lineWidth = look.hovered ? edge * 2 : edge;
  ctx.strokeStyle = look.hovered ? COLOURS.focus : look.disabled ? COLOURS.disabledEdge : on || primary ? COLOURS.accent : COLOURS.buttonEdge;
  ctx.setLineDash(look.disabled ? [edge * 3, edge * 2] : []);
  ctx.stroke();
  ctx.setLineDash([]);

  const labelStyle = look.labelStyle ?? 'button';
  const label = type.metrics(labelStyle);
  const tag = type.metrics('small');
  const labelLineH = label.size * label.lineHeight;
  const tagLineH = tag.size * tag.lineHeight;
  const textH = layout.lines.length * labelLineH + layout.tagLines.length * tagLineH;
  let y = (height - textH) / 2;
  const centred = (look.align ?? (look.mark ? 'start' : 'center')) === 'center' && !look.mark;
  ctx.textBaseline = 'middle';
  ctx.textAlign = centred ? 'center' : 'left';
  const x = centred ? w / 2 : layout.textLeft * ppm;

  if (look.mark) {
    const m = label.size * 1.1;
    // A verdict's mark keeps its colour on a spent button; a plain mark greys out with the button.
    const colour = primary ? COLOURS.accentText : look.markTone ? toneColour(look.markTone) : toneColour(undefined, look.disabled);
    drawMark(ctx, look.mark, (layout.textLeft - type.buttonSizes.mark + (type.buttonSizes.mark - m) / 2) * ppm, (y + (labelLineH - m) / 2) * ppm, m * ppm, colour);
  }
  ctx.fillStyle = textColour;
  ctx.font = fontCss(TYPE[labelStyle], label.size * ppm);
  for (const line of layout.lines) {
    ctx.fillText(line, x, (y + labelLineH / 2) * ppm);
    y += labelLineH;
  }
  const tagColour = primary ? COLOURS.accentText : look.disabled ? COLOURS.disabledText : COLOURS.muted;
  if (look.tag && layout.tagInline) {
    // Right-aligned on the last line of the label.
    ctx.fillStyle = tagColour;
    ctx.font = fontCss(TYPE.small, tag.size * ppm);
    ctx.textAlign = 'right';
    ctx.fillText(look.tag, (layout.textLeft + layout.textWidth) * ppm, (y - labelLineH / 2) * ppm);
  }
  ctx.fillStyle = tagColour;
  ctx.font = fontCss(TYPE.small, tag.size * ppm);
  for (const line of layout.tagLines) {
    ctx.fillText(line, x, (y + tagLineH / 2) * ppm);
    y += tagLineH;
  }
}

export function toneColour(tone: Tone | undefined, disabled = false): string {
  if (disabled) return COLOURS.disabledText;
  switch (tone) {
    case 'good':
      return COLOURS.safe;
    case 'bad':
      return COLOURS.unsafe;
    case 'hint':
      return COLOURS.accent;
    case 'muted':
      return COLOURS.muted;
    default:
      return COLOURS.text;
  }
}
