import { scale } from '@observablehq/plot';
import type { Comparison } from '../api/get-comparison';
import type { FocusOption } from '../workbench/focus-options';
import { answerColour, NOT_ANSWERED_COLOUR, NUMBER_SCHEME } from './map-colours';
import { ISO_NUMERIC_BY_STATE } from './region-geometry';

/**
 * What the map says about each member state for one question: the answer's colour, or that the
 * state did not answer it, or has no counted reply (or, in the publication variant, may not be
 * shown by name). The same words go into the map's tooltips, its legend and its data table.
 */

export type MapFill =
  | { kind: 'answer'; colour: string; label: string }
  | { kind: 'not-answered' }
  /** No counted reply, or in the publication variant not shown by name. */
  | { kind: 'no-reply' };

export interface MapEntry {
  memberState: string;
  name: string;
  fill: MapFill;
}

export type MapLegend =
  | { kind: 'answers'; entries: { colour: string; label: string; count: number }[] }
  /** Colours at a few values along the scale: every whole number of a short range, five stops of a long one. */
  | { kind: 'numbers'; stops: { value: number; colour: string }[] };

export interface MapModel {
  title: string;
  entries: MapEntry[];
  legend: MapLegend;
  /** Words of the hatched fill in this variant. */
  noReplyLabel: string;
  hasNotAnswered: boolean;
  hasNoReply: boolean;
}

/** The map of `option`, or null when it is not one answer per state (a checkbox question's ticks). */
export function mapModel(comparison: Comparison, option: FocusOption, names: ReadonlyMap<string, string>): MapModel | null {
  const column = option.column;
  if (!column) return null;
  const rows = new Map(comparison.rows.map((row) => [row.memberState, row]));
  const colourOf = option.kind === 'counts' ? answerColours(option) : numberColours(comparison, column.key);
  const entries = Object.keys(ISO_NUMERIC_BY_STATE).map((memberState): MapEntry => {
    const row = rows.get(memberState);
    const name = row?.memberStateName ?? names.get(memberState) ?? memberState;
    if (!row) return { memberState, name, fill: { kind: 'no-reply' } };
    const cell = row.cells.find((candidate) => candidate.key === column.key);
    if (!cell || cell.value === null) return { memberState, name, fill: { kind: 'not-answered' } };
    return { memberState, name, fill: { kind: 'answer', colour: colourOf.colour(cell.value), label: cell.label ?? String(cell.value) } };
  });
  return {
    title: option.title,
    entries,
    legend: colourOf.legend,
    noReplyLabel: comparison.for === 'publication' ? 'Not shown: no counted reply, anonymised or not for publication' : 'No counted reply',
    hasNotAnswered: entries.some((entry) => entry.fill.kind === 'not-answered'),
    hasNoReply: entries.some((entry) => entry.fill.kind === 'no-reply'),
  };
}

function answerColours(option: Extract<FocusOption, { kind: 'counts' }>) {
  const colours = new Map(option.summary.counts.map((count, index) => [String(count.value), answerColour(index)]));
  return {
    colour: (value: string | number) => colours.get(String(value)) ?? NOT_ANSWERED_COLOUR,
    legend: {
      kind: 'answers' as const,
      entries: option.summary.counts.map((count, index) => ({ colour: answerColour(index), label: count.label, count: count.count })),
    },
  };
}

function numberColours(comparison: Comparison, key: string) {
  const values = comparison.rows.flatMap((row) => {
    const value = row.cells.find((cell) => cell.key === key)?.value;
    return typeof value === 'number' ? [value] : [];
  });
  // Counts start at nothing; a scale of one value still needs two ends.
  const domain: [number, number] = [Math.min(0, ...values), Math.max(1, ...values)];
  const colours = scale({ color: { type: 'linear', scheme: NUMBER_SCHEME, domain } });
  const colour = (value: number) => String(colours.apply(value));
  return {
    colour: (value: string | number) => (typeof value === 'number' ? colour(value) : NOT_ANSWERED_COLOUR),
    legend: { kind: 'numbers' as const, stops: legendStops(domain).map((value) => ({ value, colour: colour(value) })) },
  };
}

function legendStops([low, high]: [number, number]): number[] {
  if (high - low <= 6 && Number.isInteger(low) && Number.isInteger(high)) return Array.from({ length: high - low + 1 }, (_, i) => low + i);
  return Array.from({ length: 5 }, (_, i) => Math.round(low + ((high - low) * i) / 4));
}
