import { useId } from 'react';
import type { Rounds, RoundsSummary, RoundSummary } from '../api/get-rounds';
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
  const asked = roundTallies(summary, years);
  const notAsked = summary.from === null ? years.from : summary.to === null ? years.to : null;
  // The later round's choices, in its order; a choice only the earlier round had comes after.
  const choices = [...(summary.to?.counts ?? []), ...(summary.from?.counts ?? [])].filter(
    (choice, index, all) => all.findIndex((other) => String(other.value) === String(choice.value)) === index,
  );
  // "1 of 11 states in 2009, 3 of 11 in 2010": one number per round that asks the question.
  const inRounds = (count: (tally: RoundSummary) => number) =>
    asked.map(({ year, tally }, index) => `${count(tally)} of ${total ?? tally.answered}${index === 0 ? ' states' : ''} in ${year}`).join(', ');
  // Choices nobody chose in any round are named once, together, rather than listed as "0 and 0".
  const chosen = choices.filter((choice) => asked.some(({ tally }) => countOf(tally, choice) > 0));
  const unchosen = choices.filter((choice) => !chosen.includes(choice));
  return (
    <div className="rounds-summaries__item">
      <h4 className="rounds-summaries__title">{summary.title}</h4>
      <p className="muted">
        Answered by {inRounds((tally) => tally.answered)}
        {notAsked && `; not asked in ${notAsked}`}.
      </p>
      {chosen.length > 0 && (
        <ul>
          {chosen.map((choice) => (
            <li key={String(choice.value)}>
              <strong>{choice.label}</strong>: {inRounds((tally) => countOf(tally, choice))}
            </li>
          ))}
        </ul>
      )}
      {unchosen.length > 0 && (
        <p className="rounds-summaries__none">
          Chosen by no state {notAsked ? `in ${asked[0]!.year}` : 'in either round'}: {unchosen.map((choice) => choice.label).join('; ')}.
        </p>
      )}
    </div>
  );
}

/** The rounds that ask the summary's question, earlier first, with their counts. */
export function roundTallies(summary: RoundsSummary, years: RoundYears): { year: string; tally: RoundSummary }[] {
  return [
    { year: years.from, tally: summary.from },
    { year: years.to, tally: summary.to },
  ].flatMap(({ year, tally }) => (tally ? [{ year, tally }] : []));
}

/** How many states chose `choice` in a round (none when that round's choices lack it). */
export function countOf(tally: RoundSummary, choice: { value: string | number }): number {
  return tally.counts.find((count) => String(count.value) === String(choice.value))?.count ?? 0;
}
