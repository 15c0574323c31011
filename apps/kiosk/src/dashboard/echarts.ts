// The parts of Apache ECharts the dashboard draws with, and nothing else: bar and line charts, their axes, legend,
// tooltip and the aria feature (accessible names and decal patterns), on canvas. Imported only by this page's chunk.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export { echarts };
