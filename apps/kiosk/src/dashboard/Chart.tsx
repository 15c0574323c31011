import { useEffect, useRef } from 'react';
import { chartHeight, chartOption } from './chartOption.ts';
import { echarts } from './echarts.ts';
import type { ChartModel } from './model.ts';

/**
 * One chart, drawn by ECharts into a box that is an image to assistive technology, named by what it shows (the same
 * figures follow in a table). Follows its box's width, so it fits the screen and an A4 page alike.
 */
export function Chart({ chart, locale }: { chart: ChartModel; locale: string }) {
  const box = useRef<HTMLDivElement>(null);
  const instance = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    // Twice the pixels: a printed chart stays sharp.
    const c = echarts.init(el, null, { renderer: 'canvas', devicePixelRatio: Math.max(2, window.devicePixelRatio || 1) });
    instance.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    instance.current?.setOption(chartOption(chart, locale), { notMerge: true });
    // ECharts' aria feature names the box; the role makes it one image rather than a canvas of nothing.
    box.current?.setAttribute('aria-label', chart.label);
  }, [chart, locale]);

  return <div ref={box} className="dashboard-chart" role="img" aria-label={chart.label} style={{ height: chartHeight(chart) }} />;
}
