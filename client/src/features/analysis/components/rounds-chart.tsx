import * as Plot from '@observablehq/plot';
import { useCallback, useId } from 'react';
import type { Rounds, RoundsSummary } from '../api/get-rounds';
import { bandHeight, CHART_STYLE, countTicks, INK, labelLineWidth, labelMargin } from './chart-layout';
import { PictureFrame } from './picture-frame';
import { PlotFigure } from './plot-figure';
import type { RoundYears } from './rounds-table';

const ROUND_COLOURS = ['#E69F00', '#0072B2'];

interface RoundBar {
  choice: string;
  round: string;
  count: number;
}

function roundBars(summary: RoundsSummary, years: RoundYears): RoundBar[] {
  const from = new Map(summary.from.counts.map((count) => [String(count.value), count.count]));
  return summary.to.counts.flatMap((count) => [
    { choice: count.label, round: years.from, count: from.get(String(count.value)) ?? 0 },
    { choice: count.label, round: years.to, count: count.count },
  ]);
}

/** A pair of bars per answer — the earlier round above the later — on a scale of all active states. */
export function roundsPlot(summary: RoundsSummary, years: RoundYears, total: number, width: number) {
  const bars = roundBars(summary, years);
  const end = Math.max(total, 1);
  const margin = labelMargin(width);
  const band = bandHeight(summary.to.counts.map((count) => count.label), margin, 52);
  return Plot.plot({
    width,
    height: 56 + band * summary.to.counts.length,
    marginLeft: margin,
    marginRight: 36,
    marginBottom: 44,
    style: CHART_STYLE,
    x: { domain: [0, end], label: 'Member states', labelAnchor: 'center', labelArrow: 'none', grid: true, ticks: countTicks(end, width - margin - 36), tickFormat: 'd' },
    y: { domain: [years.from, years.to], axis: null },
    fy: { domain: summary.to.counts.map((count) => count.label), label: null, padding: 0.2 },
    color: { domain: [years.from, years.to], range: ROUND_COLOURS },
    marks: [
      Plot.barX(bars, { x: 'count', y: 'round', fy: 'choice', fill: 'round', stroke: INK, strokeWidth: 0.75 }),
      Plot.text(bars, { x: 'count', y: 'round', fy: 'choice', text: (bar: RoundBar) => `${bar.count} (${bar.round})`, dx: 6, textAnchor: 'start', fill: INK }),
      Plot.axisFy({ anchor: 'left', tickSize: 0, lineWidth: labelLineWidth(margin), label: null, fill: INK }),
      Plot.ruleX([0]),
    ],
  });
}

interface RoundsChartProps {
  rounds: Rounds;
  years: RoundYears;
  total: number | null;
  focus: string | null;
  onFocus: (focus: string) => void;
}

/** One question's counts in both rounds as bars, with the question to show chosen beside it. */
export function RoundsChart({ rounds, years, total, focus, onFocus }: RoundsChartProps) {
  const selectId = useId();
  const headingId = useId();
  const summary = rounds.summaries.find((candidate) => candidate.key === focus) ?? rounds.summaries[0];
  const scale = total ?? Math.max(...rounds.summaries.map((candidate) => Math.max(candidate.from.answered, candidate.to.answered)), 1);
  const { from, to } = years;
  const draw = useCallback((width: number) => roundsPlot(summary!, { from, to }, scale, width), [summary, from, to, scale]);
  if (!summary) return null;
  const bars = roundBars(summary, years);
  return (
    <section className="focus" aria-labelledby={headingId}>
      <h3 id={headingId}>Chart</h3>
      <div className="field focus__select">
        <label className="field__label" htmlFor={selectId}>
          Question to chart
        </label>
        <select id={selectId} className="select" value={summary.key} onChange={(event) => onFocus(event.target.value)}>
          {rounds.summaries.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.title}
            </option>
          ))}
        </select>
      </div>
      <PictureFrame
        title={`Member states per answer in ${years.from} and ${years.to}: ${summary.title}`}
        subtitle={`Answered by ${summary.from.answered} states in ${years.from} and ${summary.to.answered} in ${years.to}.`}
        data={
          <table className="table">
            <caption>
              Member states per answer in {years.from} and {years.to}: {summary.title}
            </caption>
            <thead>
              <tr>
                <th scope="col">Answer</th>
                <th scope="col">{years.from}</th>
                <th scope="col">{years.to}</th>
              </tr>
            </thead>
            <tbody>
              {summary.to.counts.map((count, index) => (
                <tr key={String(count.value)}>
                  <th scope="row">{count.label}</th>
                  <td>{bars[index * 2]!.count}</td>
                  <td>{count.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <PlotFigure
          className="picture__plot"
          draw={draw}
          label={`Bar chart. ${bars.map((bar) => `${bar.choice}, ${bar.round}: ${bar.count}`).join('; ')}.`}
        />
      </PictureFrame>
    </section>
  );
}
