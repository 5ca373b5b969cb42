/**
 * The member statistics charts. This module pulls in ECharts (tree-shaken: pie and bar charts on canvas), so
 * it is only ever loaded through `React.lazy` and stays out of the list bundles.
 */

import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import { BarChart, PieChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([PieChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type ChartOption = ComposeOption<
  PieSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

const PALETTE = ['#1d5fbf', '#52c41a', '#faad14', '#eb2f96', '#13c2c2'];

function Chart({ option, height, testId }: { option: ChartOption; height: number; testId: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />;
}

export interface Slice {
  name: string;
  value: number;
}

export function CategoryPie({ slices, seriesName }: { slices: Slice[]; seriesName: string }) {
  const option: ChartOption = {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { orient: 'vertical', right: 8, top: 'middle' },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['40%', '70%'],
        center: ['38%', '50%'],
        data: slices,
        label: { show: true, formatter: '{c}' },
      },
    ],
  };
  return <Chart option={option} height={220} testId="member-category-pie" />;
}

export function TitleBars({ bars, seriesName }: { bars: Slice[]; seriesName: string }) {
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: bars.map(({ name }) => name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: bars.map(({ value }) => value),
        barMaxWidth: 36,
        itemStyle: { color: '#1d5fbf' },
        label: { show: true, position: 'top' },
      },
    ],
  };
  return <Chart option={option} height={220} testId="member-title-bars" />;
}
