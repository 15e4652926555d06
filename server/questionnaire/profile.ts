import type { Catalogue } from './catalogue.js';
import { chosenValues, comparisonCell, summarySpecs } from './comparison.js';
import type { SummarySpec } from './comparison.js';
import { questionNameThrough } from './crosswalk.js';
import type { Crosswalk } from './crosswalk.js';
import { expandRepeats, repeatCounts } from './repeats.js';
import type { Column } from './repeats.js';
import { carryForward, earlierCounts } from './rounds.js';

/**
 * A country profile (issue 10, item 7): one member state's answers in every round, in the
 * questionnaire's words, aligned as the two-round view aligns them — earlier rounds carried
 * through the crosswalk into the latest version's names and codes, so one question reads across
 * the rounds on one line. A checkbox question is one line (its ticked choices), not a line per
 * choice. What only an earlier round asked keeps its own line, in its section.
 */

export type ProfileRound = {
  readonly version: number;
  /** Localized, and without the variables the profile must not show (personal data). */
  readonly catalogue: Catalogue;
  /** The state's counted reply in this round, or null. */
  readonly data: unknown | null;
};

export type ProfileAnswer = {
  readonly version: number;
  /** What the reply says in words; null when unanswered (or not asked). */
  readonly label: string | null;
  /** Whether that round's questionnaire asks it. */
  readonly asked: boolean;
};

export type ProfileQuestion = { readonly key: string; readonly question: string; readonly title: string; readonly answers: readonly ProfileAnswer[] };

export type ProfileSection = { readonly section: string; readonly title: string; readonly questions: readonly ProfileQuestion[] };

/** A line of the profile: a column, or the tick columns of one checkbox question. */
type Item = {
  readonly key: string;
  readonly question: string;
  readonly title: string;
  readonly section: string;
  readonly columns: readonly Column[];
  read(data: unknown): string | null;
};

/** Rounds in ascending version order; the last is the one the others are aligned to. */
export function countryProfile(crosswalk: Crosswalk, rounds: readonly ProfileRound[]): ProfileSection[] {
  const latest = rounds[rounds.length - 1];
  if (!latest) return [];
  const carried = rounds.map((round) => (round.data === null ? null : round === latest ? round.data : carryForward(crosswalk, round.version, latest.version, round.data)));
  const latestCounts = repeatCounts(latest.catalogue, carried.filter((data) => data !== null));
  const latestColumns = expandRepeats(latest.catalogue, latestCounts);
  const latestKeys = new Set(latestColumns.map((column) => column.key));
  const latestItems = items(latestColumns);

  const lines = new Map<string, { item: Item; answers: Map<number, ProfileAnswer> }>();
  const order: string[] = [];
  const addLine = (item: Item, lineKey: string) => {
    if (!lines.has(lineKey)) {
      lines.set(lineKey, { item, answers: new Map() });
      order.push(lineKey);
    }
    return lines.get(lineKey)!;
  };
  for (const item of latestItems) addLine(item, `latest:${item.key}`);

  rounds.forEach((round, index) => {
    const data = carried[index] ?? null;
    if (round === latest) {
      for (const item of latestItems) lines.get(`latest:${item.key}`)?.answers.set(round.version, answer(round.version, item, data));
      return;
    }
    const own = expandRepeats(round.catalogue, earlierCounts(crosswalk, round, latest.version, round.data === null ? [] : [round.data], latestCounts));
    const askedKeys = new Set<string>();
    const dropped: Column[] = [];
    for (const column of own) {
      const name = questionNameThrough(crosswalk, round.version, latest.version, column.question);
      const key = name === null ? undefined : name + column.key.slice(column.question.length);
      if (key !== undefined && latestKeys.has(key)) askedKeys.add(key);
      else dropped.push(column);
    }
    for (const item of latestItems) {
      const asked = item.columns.some((column) => askedKeys.has(column.key));
      lines.get(`latest:${item.key}`)?.answers.set(round.version, asked ? answer(round.version, item, data) : { version: round.version, label: null, asked: false });
    }
    for (const item of items(dropped)) addLine(item, `dropped:${item.key}`).answers.set(round.version, answer(round.version, item, round.data));
  });

  const sectionTitles = new Map<string, string>();
  for (const round of [...rounds].reverse()) for (const section of round.catalogue.sections) if (!sectionTitles.has(section.name)) sectionTitles.set(section.name, section.title);
  const sectionOrder = [...new Set([...latest.catalogue.sections.map((s) => s.name), ...rounds.flatMap((r) => r.catalogue.sections.map((s) => s.name))])];
  const bySection = new Map<string, ProfileQuestion[]>();
  for (const lineKey of order) {
    const { item, answers } = lines.get(lineKey)!;
    const questions = bySection.get(item.section) ?? [];
    questions.push({
      key: item.key,
      question: item.question,
      title: item.title,
      answers: rounds.map((round) => answers.get(round.version) ?? { version: round.version, label: null, asked: false }),
    });
    bySection.set(item.section, questions);
  }
  return sectionOrder.flatMap((section) => {
    const questions = bySection.get(section);
    return questions ? [{ section, title: sectionTitles.get(section) ?? section, questions }] : [];
  });
}

function answer(version: number, item: Item, data: unknown | null): ProfileAnswer {
  return { version, label: data === null ? null : item.read(data), asked: true };
}

/** Columns as profile lines: the ticks of one checkbox question together, every other column alone. */
function items(columns: readonly Column[]): Item[] {
  const ticks = new Map<Column, SummarySpec>();
  for (const spec of summarySpecs(columns)) if (spec.kind === 'ticks') for (const column of spec.columns) ticks.set(column, spec);
  const seen = new Set<SummarySpec>();
  const result: Item[] = [];
  for (const column of columns) {
    const spec = ticks.get(column);
    if (spec) {
      if (seen.has(spec)) continue;
      seen.add(spec);
      result.push({
        key: spec.variable,
        question: spec.question,
        title: spec.title,
        section: column.section,
        columns: spec.columns,
        read: (data) => {
          const chosen = chosenValues(spec, data);
          if (chosen === undefined) return null;
          return spec.choices.filter((choice) => chosen.includes(choice.value)).map((choice) => choice.label).join('; ');
        },
      });
      continue;
    }
    result.push({ key: column.key, question: column.question, title: column.title, section: column.section, columns: [column], read: (data) => comparisonCell(column, data).label });
  }
  return result;
}
