import { ConditionRunner, settings } from 'survey-core';
import { expressionNames } from '../array-functions.js';
import { commentKey } from '../data-keys.js';
import type { InArrayCall } from '../array-functions.js';

/**
 * Conditions (`visibleIf`, expression validators) compiled once with survey-core's own
 * expression engine and run on plain answer values.
 *
 * survey-core resolves a name through its question objects (the question owning the condition
 * first, then a dynamic-panel entry, then the survey), while `runValues` reads a plain object.
 * The two agree only for the references allowed here, so anything else is refused at compile
 * time: element properties (`{$q.isVisible}`), functions (which may read the survey) other than
 * `countInArray` over a top-level dynamic panel's stored entries (see array-functions.ts), built-in
 * variables, computed values (expression questions, calculated values), questions whose model
 * value is not their answer as stored (dynamic panels and matrices, rankings with their strict
 * comparison), and names that could resolve inside the owner's own value first (`length`, an
 * index, one of its rows or items).
 */

export type Values = Readonly<Record<string, unknown>>;
export type Condition = (values: Values) => boolean;

export const always: Condition = () => true;
export const never: Condition = () => false;

/** What a condition may name. Names are compared lower-cased, as survey-core compares them. */
export type ReferenceScope = {
  /** Top-level questions whose stored answer is what survey-core's expressions see. */
  readonly answers: ReadonlySet<string>;
  /** The fields of the dynamic panel whose entry the condition runs in, if it runs in one. */
  readonly entry?: ReadonlySet<string>;
  /**
   * Top-level dynamic panels and their fields, which `countInArray` may count: survey-core hands
   * the function the panel's entries as stored, and runs its filter on each entry.
   */
  readonly arrays?: ReadonlyMap<string, ReadonlySet<string>>;
};

const ENTRY_VARIABLES = settings.expressionVariables;
const ENTRY_FIELD_PREFIXES = new Set([ENTRY_VARIABLES.panel, ENTRY_VARIABLES.prevPanel, ENTRY_VARIABLES.nextPanel].map(lower));
const ENTRY_INDEXES = new Set([ENTRY_VARIABLES.panelIndex, ENTRY_VARIABLES.visiblePanelIndex].map(lower));
/** Names survey-core answers itself before looking for a question of that name. */
const RESERVED = new Set([
  ...Object.values(ENTRY_VARIABLES).map(lower),
  'length',
  'pageno',
  'pagecount',
  'locale',
  'correctedanswers',
  'correctanswers',
  'correctedanswercount',
  'incorrectedanswers',
  'incorrectanswers',
  'incorrectedanswercount',
  'questioncount',
  // survey-core's array values carry these as enumerable keys.
  'push',
  'shift',
  'unshift',
  'pop',
  'splice',
]);
// Expression names are compared in lower case.
const COMMENT_SUFFIX = lower(commentKey(''));

function lower(name: string): string {
  return name.toLowerCase();
}

/**
 * `ownKeys`: the owner's row or item names, which survey-core would look up in the owner's own
 * value before any question. Returns the reasons the expression cannot be compiled, or the
 * condition.
 */
export function compileCondition(expression: string, scope: ReferenceScope, ownKeys: ReadonlySet<string>): Condition | string[] {
  const runner = new ConditionRunner(expression);
  const names = runner.canRun() ? expressionNames(expression) : undefined;
  if (!names) return [`'${expression}' cannot be parsed`];
  if (names.otherFunctions.length > 0) return [`'${expression}' calls a function`];
  const problems = [
    ...names.survey.map((variable) => referenceProblem(variable, scope, ownKeys)),
    ...names.inArrayCalls.map((call) => inArrayProblem(call, scope)),
  ];
  const reasons = problems.flatMap((reason) => (reason ? [`'${expression}' ${reason}`] : []));
  if (reasons.length > 0) return reasons;
  return (values) => runner.runValues(values);
}

/** Only the one call whose survey-core result depends on nothing but the stored entries. */
function inArrayProblem(call: InArrayCall, scope: ReferenceScope): string | undefined {
  const fields = call.array === undefined ? undefined : scope.arrays?.get(lower(call.array));
  if (call.functionName !== 'countInArray') return `calls ${call.functionName}, which is not modelled`;
  if (scope.entry) return 'calls countInArray inside a dynamic-panel entry, which is not modelled';
  if (fields === undefined) return 'calls countInArray on something other than a top-level dynamic panel, which is not modelled';
  if (call.field === undefined || !fields.has(lower(call.field))) return `calls countInArray without naming a field of '${call.array}'`;
  if (call.nestedFunction) return 'calls a function inside the filter of countInArray';
  const stray = call.entryNames.find((name) => !fields.has(lower(name)));
  return stray === undefined ? undefined : `filters countInArray on '${stray}', which is not a field of '${call.array}'`;
}

function referenceProblem(variable: string, scope: ReferenceScope, ownKeys: ReadonlySet<string>): string | undefined {
  const [head = '', ...rest] = variable.split(/[.[]/).map(lower);
  if (head.startsWith(settings.expressionElementPropertyPrefix)) return `reads the element property '${variable}'`;
  if (/^\d+$/.test(head) || ownKeys.has(head)) return `names '${variable}', which survey-core would look up in the question's own value`;
  if (scope.entry) {
    if (ENTRY_FIELD_PREFIXES.has(head)) {
      const field = withoutCommentSuffix(rest[0] ?? '');
      return rest.length > 0 && scope.entry.has(field) ? undefined : `names '${variable}', which is not a field the rules can read`;
    }
    if (ENTRY_INDEXES.has(head)) return rest.length === 0 ? undefined : `names '${variable}', which is not modelled`;
  }
  if (RESERVED.has(head)) return `names '${variable}', which survey-core reserves`;
  return scope.answers.has(withoutCommentSuffix(head)) ? undefined : `names '${variable}', which is not an answer the rules can read`;
}

function withoutCommentSuffix(name: string): string {
  return name.endsWith(COMMENT_SUFFIX) ? name.slice(0, -COMMENT_SUFFIX.length) : name;
}
