// A panel of text in the world: one mesh whose canvas holds every line. Text longer than the panel can hold at a
// readable size is split into pages, turned by one button that says where the reader is, rather than shrunk below the
// minimum size.
import type { ThreeEvent } from '@react-three/fiber';
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutBlocks, paginate, type LaidLine, type Page, type TextBlock } from './blockLayout.ts';
import { fontCss, useFontsReady } from './fonts.ts';
import { drawMark } from './marks.ts';
import { useTypeMeasure, type TypeMeasure } from './measure.ts';
import { useDmm } from './sheetContext.tsx';
import { paintSurface, pxPerMetre, useCanvasSurface } from './surface.ts';
import { COLOURS } from './theme.ts';
import { GAP_DMM, PANEL_PAD_DMM, TYPE } from './type.ts';
import { toneColour, XrButton } from './XrButton.tsx';

export interface XrTextPanelProps {
  /** Names the page button: `button:<id>.page`. */
  id: string;
  blocks: readonly TextBlock[];
  /** Top-left corner and width in the sheet's plane, metres. */
  left: number;
  top: number;
  width: number;
  /** The panel grows with its text up to this, then pages. */
  maxHeight: number;
  /**
   * Where the page button goes when the text needs pages (top-left corner, width and height, metres). Without it the
   * button takes the bottom of the panel, which leaves less room for text.
   */
  pagerSlot?: { left: number; top: number; width: number; height: number };
}

interface PanelLayout {
  pages: Page[];
  /** Metres. */
  height: number;
  pad: number;
  /** The page button's height at the bottom, metres (0 with one page). */
  pagerHeight: number;
}

export function XrTextPanel({ id, blocks, left, top, width, maxHeight, pagerSlot }: XrTextPanelProps): JSX.Element {
  const { t } = useTranslation();
  const dmm = useDmm();
  const type = useTypeMeasure();
  const blocksKey = JSON.stringify(blocks);
  const ready = useFontsReady(blocks.map((b) => b.text).join('') + t('vrSteps.pageNext', { n: 0, total: 0 }) + t('vrSteps.pageFirst', { n: 0, total: 0 }) + '0123456789');

  const layout = useMemo<PanelLayout | null>(() => {
    if (!ready) return null;
    const pad = dmm(PANEL_PAD_DMM);
    const laid = layoutBlocks(JSON.parse(blocksKey) as TextBlock[], width - 2 * pad, type.metrics, type.measure);
    let pages = paginate(laid, maxHeight - 2 * pad);
    if (pages.length === 1 || pagerSlot) {
      const tallest = Math.max(...pages.map((p) => p.height));
      return { pages, height: Math.min(maxHeight, tallest + 2 * pad), pad, pagerHeight: 0 };
    }
    // Room for the page button at its tallest label, with two-digit page numbers.
    const widest = (key: string) => t(key, { n: 99, total: 99 });
    const pagerHeight = Math.max(
      ...['vrSteps.pageNext', 'vrSteps.pageFirst'].map((key) => type.layoutButton(widest(key), undefined, width - 2 * pad, true).height),
    );
    pages = paginate(laid, maxHeight - 2 * pad - pagerHeight - dmm(GAP_DMM));
    return { pages, height: maxHeight, pad, pagerHeight };
  }, [ready, blocksKey, width, maxHeight, dmm, type, t, pagerSlot !== undefined]);
  const lastLayout = useRef<PanelLayout | null>(null);
  if (layout) lastLayout.current = layout;
  const shown = layout ?? lastLayout.current;

  // A new text starts again at its first page.
  const [paging, setPaging] = useState({ key: blocksKey, page: 0 });
  const pageCount = shown?.pages.length ?? 1;
  const page = paging.key === blocksKey ? Math.min(paging.page, pageCount - 1) : 0;
  // One button for any width of panel: forward, and from the last page back to the first.
  const turn = () => setPaging({ key: blocksKey, page: (page + 1) % pageCount });
  const pagerLabel = t(page < pageCount - 1 ? 'vrSteps.pageNext' : 'vrSteps.pageFirst', { n: page + 1, total: pageCount });

  const surface = useCanvasSurface();
  const invalidate = useThree((s) => s.invalidate);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (!layout) return;
    const ppm = pxPerMetre(width, layout.height);
    paintSurface(surface, width * ppm, layout.height * ppm, (ctx) => drawPanel(ctx, ppm, width, layout, page, type));
    setDrawn(true);
    invalidate();
  }, [layout, page, width, surface, type, invalidate]);

  const height = shown?.height ?? 0;
  // A panel is solid: a ray or tap on it must not reach a prop behind it.
  const stop = (e: ThreeEvent<PointerEvent | MouseEvent>) => e.stopPropagation();
  const pad = shown?.pad ?? 0;
  return (
    <group>
      <mesh
        name={`panel:${id}`}
        geometry={surface.geometry}
        material={surface.material}
        position={[left + width / 2, top - height / 2, 0]}
        scale={[width, Math.max(height, 1e-3), 1]}
        visible={drawn}
        onClick={stop}
        onPointerDown={stop}
        onPointerUp={stop}
        onPointerOver={stop}
        onPointerMove={stop}
      />
      {shown && shown.pages.length > 1 && (
        <XrButton
          id={`button:${id}.page`}
          label={pagerLabel}
          mark={page < pageCount - 1 ? 'next' : 'prev'}
          {...(pagerSlot ?? { left: left + pad, top: top - height + pad + shown.pagerHeight, width: width - 2 * pad, height: shown.pagerHeight, z: 0.003 })}
          onPress={turn}
        />
      )}
    </group>
  );
}

function drawPanel(ctx: CanvasRenderingContext2D, ppm: number, width: number, layout: PanelLayout, page: number, type: TypeMeasure): void {
  const w = width * ppm;
  const h = layout.height * ppm;
  const edge = Math.max(3, 0.003 * ppm);
  ctx.beginPath();
  ctx.roundRect(edge / 2, edge / 2, w - edge, h - edge, 0.016 * ppm);
  ctx.fillStyle = COLOURS.panel;
  ctx.fill();
  ctx.lineWidth = edge;
  ctx.strokeStyle = COLOURS.panelEdge;
  ctx.stroke();

  const pad = layout.pad;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const line of layout.pages[page]?.lines ?? []) drawLine(ctx, ppm, pad, pad, line, type);
}

function drawLine(ctx: CanvasRenderingContext2D, ppm: number, left: number, top: number, line: LaidLine, type: TypeMeasure): void {
  const m = type.metrics(line.style);
  const mid = (top + line.y + line.height / 2) * ppm;
  if (line.mark) {
    const size = m.size * 1.05;
    drawMark(ctx, line.mark, (left + (line.markX ?? 0)) * ppm, mid - (size * ppm) / 2, size * ppm, toneColour(line.tone === 'normal' ? undefined : line.tone));
  }
  ctx.font = fontCss(TYPE[line.style], m.size * ppm);
  ctx.fillStyle = line.tone === 'muted' ? COLOURS.muted : COLOURS.text;
  ctx.fillText(line.text, (left + line.x) * ppm, mid);
}
