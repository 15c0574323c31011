// A chart model as an Apache ECharts option. Colour is never the only signal: bars carry ECharts' decal patterns,
// lines differ in symbol and dash, every bar and point is labelled with its value where they fit, and the legend names
// each series. No animation: a printed or screenshotted chart is the finished one.
import type { EChartsCoreOption } from 'echarts/core';
import { formatCell } from './format.ts';
import type { ChartModel } from './model.ts';

/** Dark enough on white (charts sit on a white card, on screen and on paper): contrast ≥ 4.5:1 against it. */
export const CHART_COLOURS = ['#1c5aa6', '#b24a0b', '#2c7a3d', '#7a3b9a'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond'];
const INK = '#1a1a1a';
const FONT = "'Noto Sans SC', system-ui, sans-serif";
/** More categories than this and values are left off the bars (the table beside has them). */
const LABELLED = 16;

/** The height a chart needs: horizontal bars grow with their categories. */
export function chartHeight(chart: ChartModel): number {
  if (!chart.horizontal) return 300;
  return Math.max(160, 64 + chart.categories.length * Math.max(28, 18 * chart.series.length));
}

export function chartOption(chart: ChartModel, locale: string): EChartsCoreOption {
  const kind = chart.valueKind;
  const format = (v: number) => formatCell(v, kind, locale);
  const shares = kind === 'rate' || kind === 'score';
  const valueAxis = {
    type: 'value',
    min: 0,
    max: shares ? 1 : undefined,
    minInterval: shares ? undefined : 1,
    // Whole steps on the axis (20%, 40 …); the bars' own labels keep the decimal.
    axisLabel: { color: INK, formatter: (v: number) => (shares ? new Intl.NumberFormat(locale, kind === 'rate' ? { style: 'percent' } : {}).format(kind === 'rate' ? v : v * 100) : format(v)) },
    splitLine: { lineStyle: { color: '#d0d0d0' } },
  };
  const categoryAxis = {
    type: 'category',
    data: chart.categories,
    // The first category at the top, as in the table.
    inverse: chart.horizontal,
    axisLabel: chart.horizontal ? { color: INK, width: 200, overflow: 'truncate', interval: 0 } : { color: INK, hideOverlap: true },
    axisLine: { lineStyle: { color: INK } },
  };
  const labelled = chart.categories.length <= LABELLED;
  return {
    animation: false,
    color: CHART_COLOURS,
    aria: { enabled: true, label: { description: chart.label }, decal: { show: chart.type === 'bar' } },
    textStyle: { fontFamily: FONT, color: INK },
    legend: chart.series.length > 1 ? { top: 0, textStyle: { color: INK }, itemGap: 24 } : undefined,
    grid: { left: 16, right: 48, top: chart.series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
    // Drawn in the canvas (no HTML): the page's content security policy allows no inline styles.
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '—') },
    xAxis: chart.horizontal ? valueAxis : categoryAxis,
    yAxis: chart.horizontal ? categoryAxis : valueAxis,
    series: chart.series.map((s, i) => ({
      type: chart.type,
      name: s.name,
      data: s.values,
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 8,
      lineStyle: chart.type === 'line' ? { width: 2, type: i === 0 ? 'solid' : 'dashed' } : undefined,
      label: {
        show: labelled,
        position: chart.horizontal ? 'right' : 'top',
        color: INK,
        formatter: ({ value }: { value: unknown }) => (typeof value === 'number' ? format(value) : ''),
      },
    })),
  };
}
