import { useId } from 'react';
import type { Rounds, RoundsSummary } from '../api/get-rounds';
import type { RoundYears } from './rounds-table';

interface RoundsSummariesProps {
  rounds: Rounds;
  years: RoundYears;
  /** Active member states, or null while their list loads (then the count of answering states stands in). */
  total: number | null;
}

/** Each question's counts in both rounds, in words: "Formal: 4 of 11 states in 2009, 7 of 11 in 2010". */
export function RoundsSummaries({ rounds, years, total }: RoundsSummariesProps) {
  const headingId = useId();
  if (rounds.summaries.length === 0) return null;
  return (
    <section className="rounds-summaries" aria-labelledby={headingId}>
      <h3 id={headingId}>Counts in each round</h3>
      <div className="rounds-summaries__list">
        {rounds.summaries.map((summary) => (
          <SummaryItem key={summary.key} summary={summary} years={years} total={total} />
        ))}
      </div>
    </section>
  );
}

function SummaryItem({ summary, years, total }: { summary: RoundsSummary; years: RoundYears; total: number | null }) {
  const toCounts = new Map(summary.to.counts.map((count) => [String(count.value), count.count]));
  const fromCounts = new Map(summary.from.counts.map((count) => [String(count.value), count.count]));
  // The later round's choices, in its order; a choice only the earlier round had comes after.
  const choices = [...summary.to.counts, ...summary.from.counts.filter((count) => !toCounts.has(String(count.value)))];
  const of = (answered: number) => `of ${total ?? answered}`;
  // Choices nobody chose in either round are named once, together, rather than listed as "0 and 0".
  const chosen = choices.filter((choice) => countOf(fromCounts, choice) + countOf(toCounts, choice) > 0);
  const unchosen = choices.filter((choice) => !chosen.includes(choice));
  return (
    <div className="rounds-summaries__item">
      <h4 className="rounds-summaries__title">{summary.title}</h4>
      <p className="muted">
        Answered by {summary.from.answered} {of(summary.from.answered)} states in {years.from}, {summary.to.answered}{' '}
        {of(summary.to.answered)} in {years.to}.
      </p>
      {chosen.length > 0 && (
        <ul>
          {chosen.map((choice) => (
            <li key={String(choice.value)}>
              <strong>{choice.label}</strong>: {countOf(fromCounts, choice)} {of(summary.from.answered)} states in {years.from},{' '}
              {countOf(toCounts, choice)} {of(summary.to.answered)} in {years.to}
            </li>
          ))}
        </ul>
      )}
      {unchosen.length > 0 && (
        <p className="rounds-summaries__none">
          Chosen by no state in either round: {unchosen.map((choice) => choice.label).join('; ')}.
        </p>
      )}
    </div>
  );
}

function countOf(counts: ReadonlyMap<string, number>, choice: { value: string | number }): number {
  return counts.get(String(choice.value)) ?? 0;
}
