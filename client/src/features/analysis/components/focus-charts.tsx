import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { ChoiceSummary } from '../api/get-comparison';
import { answerColour } from '../map/map-colours';
import { bandHeight, CHART_STYLE, countTicks, INK, labelLineWidth, labelMargin } from './chart-layout';
import { PictureFrame } from './picture-frame';
import { PlotFigure } from './plot-figure';

const BAR_HEIGHT = 34;

interface CountBar {
  label: string;
  count: number;
  colour: string;
}

function countBars(summary: ChoiceSummary): CountBar[] {
  return summary.counts.map((count, index) => ({ label: count.label, count: count.count, colour: answerColour(index) }));
}

/** Bars on a scale of all active states, so that "4" reads as "4 of 11" at a glance. */
export function countsPlot(summary: ChoiceSummary, total: number, width: number) {
  const bars = countBars(summary);
  const end = Math.max(total, 1);
  const margin = labelMargin(width);
  const band = bandHeight(bars.map((bar) => bar.label), margin, BAR_HEIGHT);
  return Plot.plot({
    width,
    height: 56 + band * bars.length,
    marginLeft: margin,
    marginRight: 36,
    marginBottom: 44,
    style: CHART_STYLE,
    x: { domain: [0, end], label: 'Member states', labelAnchor: 'center', labelArrow: 'none', grid: true, ticks: countTicks(end, width - margin - 36), tickFormat: 'd' },
    y: { domain: bars.map((bar) => bar.label), axis: null, padding: 0.25 },
    marks: [
      Plot.barX(bars, { x: 'count', y: 'label', fill: 'colour', stroke: INK, strokeWidth: 0.75 }),
      Plot.text(bars, { x: 'count', y: 'label', text: (bar: CountBar) => String(bar.count), dx: 6, textAnchor: 'start', fill: INK }),
      Plot.axisY({ tickSize: 0, lineWidth: labelLineWidth(margin), label: null, fill: INK }),
      Plot.ruleX([0]),
    ],
  });
}

/** How many member states gave each answer: a bar per choice, coloured as on the map. */
export function CountsChart({ summary, total }: { summary: ChoiceSummary; total: number }) {
  const draw = useCallback((width: number) => countsPlot(summary, total, width), [summary, total]);
  const bars = countBars(summary);
  return (
    <PictureFrame
      title={`Member states per answer: ${summary.title}`}
      subtitle={`${summary.answered} of ${total} member states answered.`}
      data={
        <table className="table">
          <caption>Member states per answer: {summary.title}</caption>
          <thead>
            <tr>
              <th scope="col">Answer</th>
              <th scope="col">Member states</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{bar.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <PlotFigure className="picture__plot" draw={draw} label={`Bar chart. ${bars.map((bar) => `${bar.label}: ${bar.count}`).join('; ')}.`} />
    </PictureFrame>
  );
}

export interface StateNumber {
  name: string;
  value: number;
}

export function numbersPlot(values: readonly StateNumber[], width: number) {
  return Plot.plot({
    width,
    height: 56 + BAR_HEIGHT * Math.max(values.length, 1),
    marginLeft: 160,
    marginRight: 48,
    marginBottom: 32,
    style: CHART_STYLE,
    x: { label: null, grid: true, nice: true },
    y: { domain: values.map((item) => item.name), label: null, padding: 0.25 },
    marks: [
      Plot.barX(values, { x: 'value', y: 'name', fill: '#0072B2' }),
      Plot.text(values, { x: 'value', y: 'name', text: (item: StateNumber) => String(item.value), dx: 6, textAnchor: 'start', fill: INK }),
      Plot.ruleX([0]),
    ],
  });
}

/** A number per member state (agreements in force, shelter places): a bar each. Pass `values` memoised. */
export function NumbersChart({ title, values, total }: { title: string; values: readonly StateNumber[]; total: number }) {
  const draw = useCallback((width: number) => numbersPlot(values, width), [values]);
  return (
    <PictureFrame
      title={`Per member state: ${title}`}
      subtitle={`${values.length} of ${total} member states answered.`}
      data={
        <table className="table">
          <caption>Per member state: {title}</caption>
          <thead>
            <tr>
              <th scope="col">Member state</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {values.map((item) => (
              <tr key={item.name}>
                <th scope="row">{item.name}</th>
                <td>{item.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <PlotFigure className="picture__plot" draw={draw} label={`Bar chart. ${values.map((item) => `${item.name}: ${item.value}`).join('; ')}.`} />
    </PictureFrame>
  );
}
