import { ConditionRunner, settings } from 'survey-core';

/**
 * Conditions (`visibleIf`, expression validators) compiled once with survey-core's own
 * expression engine and run on plain answer values.
 *
 * survey-core resolves a name through its question objects (the question owning the condition
 * first, then a dynamic-panel entry, then the survey), while `runValues` reads a plain object.
 * The two agree only for the references allowed here, so anything else is refused at compile
 * time: element properties (`{$q.isVisible}`), functions (which may read the survey), built-in
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
const COMMENT_SUFFIX = lower(settings.commentSuffix);

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
  if (!runner.canRun()) return [`'${expression}' cannot be parsed`];
  if (runner.hasFunction()) return [`'${expression}' calls a function`];
  const reasons = runner.getVariables().flatMap((variable) => {
    const reason = referenceProblem(variable, scope, ownKeys);
    return reason ? [`'${expression}' ${reason}`] : [];
  });
  if (reasons.length > 0) return reasons;
  return (values) => runner.runValues(values);
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
