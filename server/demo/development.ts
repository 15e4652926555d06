import type { Catalogue, JsonObject, JsonValue } from '../questionnaire/index.js';
import type { Random } from './random.js';

/**
 * How a state's answers move from the 2009 baseline to the 2010 follow-up: a delegate starts
 * from last year's answers (carried through the crosswalk) and changes what has changed. Most
 * answers stay; some arrangements went one step further (a planned coordinator appointed, ad hoc
 * training made regular, one more actor identifying victims) and none went back, so the two rounds side by side look like a year of
 * work rather than two unrelated draws. The facts of the year itself are given anew.
 */

/** Answers about the reporting year: 2010's come from the 2010 reply, never from 2009's. */
export const ANSWERS_OF_THE_YEAR = [
  'reference_period',
  'victim_data_year',
  'identified_victims',
  'presumed_victims',
  'identified_victims_citizenship',
  'trafficking_investigations',
  'trafficking_prosecutions',
  'trafficking_convictions',
  'main_gaps',
] as const;

/**
 * Codes from least to most developed, by question (in 2010's codes: the carried answers are
 * recoded already). Matrix questions step each row's answer. Codes not listed ("don't know")
 * stay as they are.
 */
export const DEVELOPMENT_SCALES: Readonly<Record<string, readonly string[]>> = {
  specialised_police_unit: ['no', 'planned', 'yes'],
  national_coordinator: ['no', 'planned', 'yes'],
  national_rapporteur: ['none', 'planned', 'governmental', 'independent'],
  inter_agency_body: ['no', 'planned', 'yes'],
  mou_other_actors: ['no', 'draft', 'yes'],
  identification_indicators: ['no', 'yes_guidance', 'yes_binding'],
  child_procedure: ['no', 'in_preparation', 'yes'],
  safe_return_programme: ['none', 'case_by_case', 'programme'],
  pre_return_risk_assessment: ['no', 'usual_practice', 'mandatory'],
  post_return_follow_up: ['no', 'some_cases', 'all_cases'],
  returnee_reintegration: ['no', 'limited', 'yes'],
  training_labour_exploitation: ['no', 'yes_part', 'yes_dedicated'],
  joint_training: ['none', 'ad_hoc', 'regular'],
  victim_data_collection: ['none', 'several_agencies', 'central'],
  risk_assessment_guidelines: ['no', 'in_preparation', 'yes_guidance', 'yes_binding'],
  cooperation_intensity: ['none', 'ad_hoc', 'regular', 'institutionalised'],
  shelters: ['none', 'ad_hoc', 'available'],
  training_provision: ['none', 'ad_hoc', 'regular', 'mandatory'],
  // After the Stockholm conference: more interest in a regional model, less reliance on personal contacts.
  regional_model_mou_interest: ['not_useful', 'slightly_useful', 'moderately_useful', 'very_useful', 'extremely_useful'],
  personal_contacts_dependence: ['entirely', 'large_extent', 'moderate_extent', 'small_extent', 'not_at_all'],
};

/** Multiple-choice questions where a year's work may add a tick: another actor, channel or measure. */
export const WIDENING_QUESTIONS = ['identification_authority', 'protection_measures', 'compensation_routes', 'cooperation_channels', 'return_operator'] as const;
/** Ticks that exclude the others or need a typed text: never added, and a reply holding one keeps its ticks. */
const NOT_ADDED: ReadonlySet<JsonValue> = new Set(['none', 'dont_know', 'other']);

/** The share of answers on a scale that went one step further in the year, and of questions that gained a tick. */
const STEP_CHANCE = 0.25;
const WIDEN_CHANCE = 0.3;

/** The carried 2009 answers as the 2010 reply starts from them, a year on; `catalogue` is 2010's. */
export function aYearOn(carried: JsonObject, random: Random, catalogue: Catalogue): JsonObject {
  const next: JsonObject = structuredClone(carried);
  for (const key of ANSWERS_OF_THE_YEAR) delete next[key];
  for (const [question, scale] of Object.entries(DEVELOPMENT_SCALES)) {
    const answer = next[question];
    if (typeof answer === 'string') next[question] = stepped(answer, scale, random);
    else if (answer !== null && typeof answer === 'object' && !Array.isArray(answer)) {
      next[question] = Object.fromEntries(Object.entries(answer).map(([row, value]): [string, JsonValue] => [row, typeof value === 'string' ? stepped(value, scale, random) : value]));
    }
  }
  for (const question of WIDENING_QUESTIONS) {
    const ticks = next[question];
    if (!Array.isArray(ticks) || ticks.some((tick) => tick === 'none' || tick === 'dont_know')) continue;
    const offered = catalogue.variables.flatMap((v) => (v.question === question && v.type === 'checkbox-choice' ? [v.choice.value] : []));
    const more = offered.filter((value) => !NOT_ADDED.has(value) && !ticks.includes(value));
    if (more.length === 0 || !random.chance(WIDEN_CHANCE)) continue;
    const added = new Set<JsonValue>([...ticks, random.pick(more)]);
    // In the questionnaire's order, as the browser stores them when ticked top to bottom.
    next[question] = [...offered.filter((value) => added.has(value)), ...ticks.filter((tick) => !(offered as JsonValue[]).includes(tick))];
  }
  return next;
}

function stepped(code: string, scale: readonly string[], random: Random): string {
  const at = scale.indexOf(code);
  if (at < 0 || at === scale.length - 1 || !random.chance(STEP_CHANCE)) return code;
  return scale[at + 1]!;
}
