import * as Plot from '@observablehq/plot';
import { useCallback, useId } from 'react';
import type { ChoiceCount } from '../api/get-comparison';
import type { Rounds, RoundsSummary } from '../api/get-rounds';
import { bandHeight, CHART_STYLE, countTicks, INK, labelLineWidth, labelMargin } from './chart-layout';
import { PictureFrame } from './picture-frame';
import { PlotFigure } from './plot-figure';
import { countOf, roundTallies } from './rounds-summaries';
import type { RoundYears } from './rounds-table';

const ROUND_COLOURS = ['#E69F00', '#0072B2'];

interface RoundBar {
  choice: string;
  round: string;
  count: number;
}

/** The later round's choices (the earlier one's for a dropped question), each with a bar per round that asks it. */
function roundBars(summary: RoundsSummary, years: RoundYears): RoundBar[] {
  return choicesOf(summary).flatMap((choice) =>
    roundTallies(summary, years).map(({ year, tally }) => ({ choice: choice.label, round: year, count: countOf(tally, choice) })),
  );
}

function choicesOf(summary: RoundsSummary): ChoiceCount[] {
  return (summary.to ?? summary.from)?.counts ?? [];
}

/** A pair of bars per answer — the earlier round above the later — on a scale of all active states. */
export function roundsPlot(summary: RoundsSummary, years: RoundYears, total: number, width: number) {
  const bars = roundBars(summary, years);
  const end = Math.max(total, 1);
  const margin = labelMargin(width);
  const choices = choicesOf(summary).map((choice) => choice.label);
  const band = bandHeight(choices, margin, 52);
  return Plot.plot({
    width,
    height: 56 + band * choices.length,
    marginLeft: margin,
    marginRight: 36,
    marginBottom: 44,
    style: CHART_STYLE,
    x: { domain: [0, end], label: 'Member states', labelAnchor: 'center', labelArrow: 'none', grid: true, ticks: countTicks(end, width - margin - 36), tickFormat: 'd' },
    y: { domain: [years.from, years.to], axis: null },
    fy: { domain: choices, label: null, padding: 0.2 },
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
  const scale = total ?? Math.max(...rounds.summaries.map((candidate) => Math.max(candidate.from?.answered ?? 0, candidate.to?.answered ?? 0)), 1);
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
        subtitle={answeredWords(summary, years)}
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
              {choicesOf(summary).map((choice) => (
                <tr key={String(choice.value)}>
                  <th scope="row">{choice.label}</th>
                  <td>{summary.from ? countOf(summary.from, choice) : 'Not asked'}</td>
                  <td>{summary.to ? countOf(summary.to, choice) : 'Not asked'}</td>
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

/** "Answered by 9 states in 2009 and 11 in 2010.", or "…in 2009; not asked in 2010." */
function answeredWords(summary: RoundsSummary, years: RoundYears): string {
  const asked = roundTallies(summary, years).map(({ year, tally }, index) => `${tally.answered}${index === 0 ? ' states' : ''} in ${year}`);
  const notAsked = summary.from === null ? years.from : summary.to === null ? years.to : null;
  return `Answered by ${asked.join(' and ')}${notAsked ? `; not asked in ${notAsked}` : ''}.`;
}
