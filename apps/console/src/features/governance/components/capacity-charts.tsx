/**
 * The capacity charts. This module pulls in ECharts (tree-shaken: radar and line charts on canvas), so it
 * is only ever loaded through `React.lazy` and stays out of the login and list bundles.
 */

import type { LineSeriesOption, RadarSeriesOption } from 'echarts/charts';
import { LineChart, RadarChart } from 'echarts/charts';
import type { GridComponentOption, RadarComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([RadarChart, LineChart, RadarComponent, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type ChartOption = ComposeOption<
  RadarSeriesOption | LineSeriesOption | RadarComponentOption | GridComponentOption | TooltipComponentOption
>;

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

export interface RadarProps {
  indicators: { name: string; value: number }[];
  seriesName: string;
}

export function CapacityRadar({ indicators, seriesName }: RadarProps) {
  const option: ChartOption = {
    tooltip: { trigger: 'item' },
    radar: {
      indicator: indicators.map(({ name }) => ({ name, max: 100 })),
      radius: '65%',
      splitNumber: 4,
      axisName: { color: '#434343', fontSize: 13 },
    },
    series: [
      {
        type: 'radar',
        name: seriesName,
        data: [{ value: indicators.map(({ value }) => value), name: seriesName }],
        areaStyle: { color: 'rgba(29, 95, 191, 0.25)' },
        lineStyle: { color: '#1d5fbf', width: 2 },
        itemStyle: { color: '#1d5fbf' },
        label: { show: true, color: '#1d5fbf', fontSize: 12 },
      },
    ],
  };
  return <Chart option={option} height={340} testId="capacity-radar" />;
}

export function CapacityTrend({
  points,
  seriesName,
}: {
  points: { year: number; total: number }[];
  seriesName: string;
}) {
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 24, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: points.map(({ year }) => String(year)) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        type: 'line',
        name: seriesName,
        data: points.map(({ total }) => total),
        smooth: false,
        showSymbol: true,
        symbol: 'circle',
        symbolSize: 10,
        label: { show: true, position: 'top' },
        lineStyle: { color: '#1d5fbf', width: 2 },
        itemStyle: { color: '#1d5fbf' },
      },
    ],
  };
  return <Chart option={option} height={240} testId="capacity-trend" />;
}
