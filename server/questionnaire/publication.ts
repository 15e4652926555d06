import type { Catalogue } from './catalogue.js';
import { readConsent, PUBLICATION_CONSENTS } from './custom-properties.js';
import type { PublicationConsent } from './custom-properties.js';
import { valueAt } from './variable-values.js';

/**
 * Publication consent (issue 10, item 6): each reply says whether it may be published as
 * received, only anonymised, or not at all, in the question marked `publicationConsent`. The
 * "for publication" view shows a state by name, as an alias (`State A`, `State B`, …) or not at
 * all. Aliases follow the replies' random ids, so their order says nothing about code or name.
 * Counts are never cut: a count names no state.
 */

export type { PublicationConsent } from './custom-properties.js';
export { PUBLICATION_CONSENTS } from './custom-properties.js';

export type Audience = 'analysis' | 'publication';

/** How one reply's member state appears. */
export type Shown = { readonly kind: 'named' } | { readonly kind: 'alias'; readonly alias: string } | { readonly kind: 'omitted' };

const consentQuestions = new WeakMap<Catalogue, { question: string | undefined }>();

/** The question that asks for consent, or undefined when the definition marks none (cached per catalogue). */
export function consentQuestion(catalogue: Catalogue): string | undefined {
  let found = consentQuestions.get(catalogue);
  if (!found) consentQuestions.set(catalogue, (found = { question: catalogue.variables.find((variable) => variable.publicationConsent)?.question }));
  return found.question;
}

/** A reply's consent; null when unanswered, or when its definition asks none. */
export function consentOf(catalogue: Catalogue, data: unknown): PublicationConsent | null {
  const question = consentQuestion(catalogue);
  return question === undefined ? null : readConsent(valueAt(data, [question]));
}

/**
 * The consent that honours every one given (a state's replies in several rounds shown side by
 * side): the most restrictive. No answer in any of them counts as refusal.
 */
export function strictestConsent(consents: readonly (PublicationConsent | null)[]): PublicationConsent | null {
  const given = consents.filter((consent): consent is PublicationConsent => consent !== null);
  if (given.length === 0 || given.length < consents.length) return null;
  return given.reduce((strictest, consent) => (PUBLICATION_CONSENTS.indexOf(consent) > PUBLICATION_CONSENTS.indexOf(strictest) ? consent : strictest));
}

/** What the publication view needs of a reply: its random id and its consent. */
export type ConsentedReply = { readonly id: string; readonly consent: PublicationConsent | null };

/**
 * How each reply (by id) appears for the audience. For analysis every state is named; for
 * publication anonymised replies get aliases in the order of their ids, and replies that refuse
 * (or say nothing) are omitted.
 */
export function publicationView(replies: readonly ConsentedReply[], audience: Audience): Map<string, Shown> {
  const shown = new Map<string, Shown>();
  if (audience === 'analysis') {
    for (const reply of replies) shown.set(reply.id, { kind: 'named' });
    return shown;
  }
  const anonymised = replies.filter((reply) => reply.consent === 'anonymised').map((reply) => reply.id);
  const aliases = new Map([...anonymised].sort().map((id, index) => [id, aliasName(index)]));
  for (const reply of replies) {
    const alias = aliases.get(reply.id);
    if (reply.consent === 'as_received') shown.set(reply.id, { kind: 'named' });
    else if (alias !== undefined) shown.set(reply.id, { kind: 'alias', alias });
    else shown.set(reply.id, { kind: 'omitted' });
  }
  return shown;
}

/** `State A` … `State Z`, then `State AA`, `State AB`, … as spreadsheet columns are lettered. */
export function aliasName(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return `State ${letters}`;
}

/** Alias order, `State B` before `State AA`: by length, then letters. */
export function compareAliases(a: string, b: string): number {
  return a.length - b.length || a.localeCompare(b);
}

/** The member state's code and name as shown: both the alias for an anonymised reply. */
export function shownState(shown: Shown, state: { readonly code: string; readonly name: string }): { code: string; name: string } | null {
  if (shown.kind === 'omitted') return null;
  if (shown.kind === 'alias') return { code: shown.alias, name: shown.alias };
  return { code: state.code, name: state.name };
}
