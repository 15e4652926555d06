/**
 * What a cell says in words: its label, as the wide CSV with labels has it. A checkbox choice
 * left unticked is answered (its code is 0) but its label is empty: it reads "Not ticked".
 * Null when the cell is unanswered.
 */
export function answerText(answer: { value: string | number | null; label: string | null } | null | undefined): string | null {
  if (!answer || answer.value === null) return null;
  if (answer.label) return answer.label;
  return answer.value === 0 ? 'Not ticked' : String(answer.value);
}
