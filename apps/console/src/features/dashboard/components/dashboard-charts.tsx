/**
 * The dashboard's charts. This module pulls in ECharts (tree-shaken: pie, bar and line on canvas), so it
 * is only ever loaded through `React.lazy` and stays out of every other page's bundle. Every chart calls
 * `onSelect` with the key of the shape clicked, which the page turns into the list behind it.
 */
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([PieChart, BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type ChartOption = ComposeOption<
  | PieSeriesOption
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
>;

export const PALETTE = ['#1d5fbf', '#52c41a', '#faad14', '#f5222d', '#8c8c8c', '#13c2c2', '#722ed1', '#eb2f96'];

/** A clicked shape: the key of its data point, and of its series where a chart has several. */
export interface Selection {
  key: string;
  series?: string;
}

interface ChartProps {
  option: ChartOption;
  height: number;
  testId: string;
  onSelect?: (selection: Selection) => void;
  /** The key of each data point, by index (ECharts reports the index of what was clicked). */
  keys: readonly string[];
  /** The key of each series, by index. */
  seriesKeys?: readonly string[];
}

function Chart({ option, height, testId, onSelect, keys, seriesKeys }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  // The page re-renders with new (equal) objects; the chart is rebuilt only when what it shows changes.
  const latest = useRef({ option, keys, seriesKeys, onSelect });
  latest.current = { option, keys, seriesKeys, onSelect };
  const signature = JSON.stringify([option, keys, seriesKeys]);
  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const chart: ECharts = init(container, undefined, { renderer: 'canvas' });
    chart.setOption(latest.current.option);
    chart.on('click', (params) => {
      const current = latest.current;
      const key = current.keys[params.dataIndex];
      if (key === undefined) return;
      const series = current.seriesKeys?.[params.seriesIndex ?? -1];
      current.onSelect?.(series === undefined ? { key } : { key, series });
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [signature]);
  return (
    <div
      ref={element}
      style={{ width: '100%', height, cursor: onSelect ? 'pointer' : undefined }}
      data-testid={testId}
    />
  );
}

export interface Slice {
  key: string;
  name: string;
  value: number;
  color?: string;
}

export function DonutChart({
  slices,
  seriesName,
  testId,
  onSelect,
}: {
  slices: readonly Slice[];
  seriesName: string;
  testId: string;
  onSelect?: (selection: Selection) => void;
}) {
  const option: ChartOption = {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { orient: 'vertical', right: 4, top: 'middle', itemWidth: 12, itemHeight: 12 },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['42%', '70%'],
        center: ['35%', '50%'],
        label: { show: true, formatter: '{c}' },
        data: slices.map((s) => ({
          name: s.name,
          value: s.value,
          ...(s.color ? { itemStyle: { color: s.color } } : {}),
        })),
      },
    ],
  };
  return <Chart option={option} height={220} testId={testId} keys={slices.map((s) => s.key)} onSelect={onSelect} />;
}

export interface Bar {
  key: string;
  name: string;
  value: number;
  color?: string;
}

export function BarsChart({
  bars,
  seriesName,
  testId,
  onSelect,
}: {
  bars: readonly Bar[];
  seriesName: string;
  testId: string;
  onSelect?: (selection: Selection) => void;
}) {
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 40,
        label: { show: true, position: 'top' },
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color ?? PALETTE[0] } })),
      },
    ],
  };
  return <Chart option={option} height={220} testId={testId} keys={bars.map((b) => b.key)} onSelect={onSelect} />;
}

export interface StackSeries {
  key: string;
  name: string;
  values: readonly number[];
  color?: string;
}

/**
 * Stacked bars over categories (years, functions), with an optional line on a second axis (a rate, in
 * percent). Clicking a bar segment selects the category and its series.
 */
export function StackedChart({
  categories,
  series,
  line,
  testId,
  onSelect,
  stacked = true,
  slantedLabels = false,
  labelWidth,
  valueFormatter,
}: {
  categories: readonly { key: string; name: string }[];
  series: readonly StackSeries[];
  line?: { name: string; values: readonly (number | null)[] };
  testId: string;
  onSelect?: (selection: Selection) => void;
  stacked?: boolean;
  /** Long category names (year and category): every one shown, at an angle. */
  slantedLabels?: boolean;
  /** Category names wrapped onto lines this wide (px), for a few names of several words. */
  labelWidth?: number;
  valueFormatter?: (value: number) => string;
}) {
  const option: ChartOption = {
    color: PALETTE,
    tooltip: { trigger: 'axis', ...(valueFormatter ? { valueFormatter: (v) => valueFormatter(Number(v)) } : {}) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: line ? 48 : 16, top: 36, bottom: slantedLabels ? 72 : 28 },
    xAxis: {
      type: 'category',
      data: categories.map((c) => c.name),
      axisLabel: slantedLabels
        ? { interval: 0, rotate: 30, fontSize: 11 }
        : { interval: 0, ...(labelWidth ? { width: labelWidth, overflow: 'break' as const, fontSize: 11 } : {}) },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      ...(line ? [{ type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } }] : []),
    ],
    series: [
      ...series.map(
        (s): BarSeriesOption => ({
          type: 'bar',
          name: s.name,
          ...(stacked ? { stack: 'total' } : {}),
          barMaxWidth: 36,
          emphasis: { focus: 'series' },
          data: [...s.values],
          ...(s.color ? { itemStyle: { color: s.color } } : {}),
        }),
      ),
      ...(line
        ? [
            {
              type: 'line' as const,
              name: line.name,
              yAxisIndex: 1,
              data: [...line.values],
              symbolSize: 7,
              itemStyle: { color: '#1d5fbf' },
              label: { show: true, formatter: '{c}%' },
            },
          ]
        : []),
    ],
  };
  return (
    <Chart
      option={option}
      height={slantedLabels ? 300 : 260}
      testId={testId}
      keys={categories.map((c) => c.key)}
      seriesKeys={series.map((s) => s.key)}
      onSelect={onSelect}
    />
  );
}
