import type { CatalogueVariable } from '../../../api/get-catalogue';
import { fold } from './fold-text';

/**
 * The questions of a version for the picker: one entry per question, grouped by section, in
 * questionnaire order, without those marked personal data.
 */

export interface PickerQuestion {
  name: string;
  title: string;
}

export interface QuestionGroup {
  section: string;
  title: string;
  questions: PickerQuestion[];
}

export function questionGroups(variables: readonly CatalogueVariable[], sectionTitles: ReadonlyMap<string, string>, locale: string | null): QuestionGroup[] {
  const groups: QuestionGroup[] = [];
  const seen = new Set<string>();
  // Personal data (contact details) is left out of every comparison: it is not offered.
  for (const variable of variables.filter((candidate) => !candidate.personalData)) {
    if (seen.has(variable.question)) continue;
    seen.add(variable.question);
    let group = groups[groups.length - 1];
    if (!group || group.section !== variable.section) {
      group = { section: variable.section, title: sectionTitles.get(variable.section) ?? variable.section, questions: [] };
      groups.push(group);
    }
    const title = (locale && variable.questionTitles?.[locale]) || variable.questionTitle;
    group.questions.push({ name: variable.question, title });
  }
  return groups;
}

/**
 * The groups with only the questions whose title or name holds every word of `search`, ignoring
 * case and accents ("referal" finds nothing, "Referral" and "referral" the same); empty groups go.
 */
export function filterGroups(groups: QuestionGroup[], search: string): QuestionGroup[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((group) => ({
      ...group,
      questions: group.questions.filter((question) => {
        const text = fold(`${question.title} ${question.name} ${group.title}`);
        return words.every((word) => text.includes(word));
      }),
    }))
    .filter((group) => group.questions.length > 0);
}
