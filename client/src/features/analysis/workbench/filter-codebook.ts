import type { CodebookVariable } from '../api/get-codebook';
import { fold } from './fold-text';

/** The variables whose name, question, section or labels hold every word of `query` (case and accents aside). */
export function filterCodebook(variables: CodebookVariable[], query: string): CodebookVariable[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return variables;
  return variables.filter((variable) => {
    const text = fold(
      [variable.key, variable.title, variable.sectionTitle, variable.type, variable.personalData ? 'personal data' : '', ...variable.choices.map((choice) => `${String(choice.value)} ${choice.label}`)].join(' '),
    );
    return words.every((word) => text.includes(word));
  });
}
