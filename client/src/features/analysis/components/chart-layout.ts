/** What the workbench's bar charts share: their type, their ink, and room for long answer labels. */

export const CHART_STYLE = { fontSize: '13px', fontFamily: 'inherit', overflow: 'visible' } as const;

export const INK = '#1b1f24';

/** Room for the answers' words at the left: a third of the chart, within reason. */
export function labelMargin(width: number): number {
  return Math.max(120, Math.min(280, Math.round(width / 3)));
}

/**
 * Plot wraps tick labels at a width in ems; a little under the margin, so that the longest line
 * of a wrapped answer stays inside the chart instead of running off its left edge.
 */
export function labelLineWidth(margin: number): number {
  return (margin - 24) / 14;
}

/** About how wide a character of the labels is, in pixels at CHART_STYLE's 13 px. */
const CHAR_WIDTH = 7;
const LINE_HEIGHT = 15;

/**
 * How tall a bar's band must be for its label: wrapped into the margin, the longest answer takes
 * several lines on a narrow screen, and a band shorter than its label would overlap the next.
 */
export function bandHeight(labels: readonly string[], margin: number, least: number): number {
  const perLine = Math.max(1, Math.floor((margin - 24) / CHAR_WIDTH));
  const lines = Math.max(1, ...labels.map((label) => Math.ceil(label.length / perLine)));
  return Math.max(least, lines * LINE_HEIGHT + 12);
}

/** Ticks for a count axis of `end` states: every one where there is room, fewer on a narrow chart. */
export function countTicks(end: number, plotWidth: number): number {
  return Math.max(2, Math.min(end, 12, Math.floor(plotWidth / 32)));
}
