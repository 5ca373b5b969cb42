/**
 * Budget per category against what is allocated. This module pulls in ECharts (bar chart on canvas), so
 * it is only ever loaded through `React.lazy` and stays out of the list bundles.
 */
import type { BarSeriesOption } from 'echarts/charts';
import { BarChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

export interface BudgetBar {
  name: string;
  budgetFen: number;
  allocatedFen: number;
}

const yuan = (fen: number) => Math.round(fen) / 100;
const groupedYuan = (value: number) =>
  `¥${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** Axis labels: 万 in Chinese, k in English. */
const axis = (language: 'zh' | 'en') => (value: number) =>
  language === 'zh'
    ? value >= 10_000
      ? `${value / 10_000}万`
      : String(value)
    : value >= 1000
      ? `${value / 1000}k`
      : String(value);

export function BudgetChart({
  bars,
  budgetLabel,
  allocatedLabel,
  language,
}: {
  bars: BudgetBar[];
  budgetLabel: string;
  /** Null before any decision: budgets only. */
  allocatedLabel: string | null;
  language: 'zh' | 'en';
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const option: ChartOption = {
      color: ['#b7c9e8', '#1d5fbf'],
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => (typeof value === 'number' ? groupedYuan(value) : String(value)),
      },
      legend: { top: 0, right: 8 },
      grid: { left: 64, right: 16, top: 36, bottom: 48 },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.name),
        axisLabel: { interval: 0, width: 96, overflow: 'break' },
      },
      yAxis: { type: 'value', axisLabel: { formatter: axis(language) } },
      series: [
        { type: 'bar', name: budgetLabel, data: bars.map((b) => yuan(b.budgetFen)), barMaxWidth: 32 },
        ...(allocatedLabel
          ? [
              {
                type: 'bar' as const,
                name: allocatedLabel,
                data: bars.map((b) => yuan(b.allocatedFen)),
                barMaxWidth: 32,
              },
            ]
          : []),
      ],
    };
    const chart = init(container, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [bars, budgetLabel, allocatedLabel, language]);
  return <div ref={element} style={{ width: '100%', height: 280 }} data-testid="budget-chart" />;
}
