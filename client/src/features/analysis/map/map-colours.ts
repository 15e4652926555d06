/**
 * Colours that readers with any common colour-vision deficiency can tell apart: the Okabe–Ito
 * palette for answers, in its usual order (black left out: the states' codes are written on the
 * fills), and ColorBrewer's yellow–green–blue for numbers, light to dark. States without an
 * answer are never a colour of their own: grey, hatched when there is no counted reply.
 */
export const ANSWER_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;

/** More choices than colours repeat the palette: the legend and the table still tell them apart. */
export function answerColour(index: number): string {
  return ANSWER_COLOURS[index % ANSWER_COLOURS.length]!;
}

export const NUMBER_SCHEME = 'YlGnBu';

export const NOT_ANSWERED_COLOUR = '#c9ced6';
export const NO_REPLY_COLOUR = '#eceff3';
export const NO_REPLY_HATCH = '#6b7785';
export const NEIGHBOUR_COLOUR = '#f4f5f7';
export const SEA_COLOUR = '#e3edf6';
