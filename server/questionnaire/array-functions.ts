import { ArrayOperand, BinaryOperand, ConditionsParser, Const, FunctionOperand, UnaryOperand, Variable } from 'survey-core';
import type { Operand } from 'survey-core';

/**
 * survey-core's functions that read the entries of a dynamic panel (or the rows of a matrix):
 * `countInArray({mou_list}, 'mou_status', {mou_status} = 'in_force')` counts the entries whose
 * `mou_status` is answered and 'in_force'. The filter is not a condition on the survey: survey-core
 * runs it on each entry, so its names are the entry's fields. Anything that checks names, or
 * evaluates an expression without a survey-core model, must read the filter as such — this module
 * splits an expression's names into those of the survey and those of each in-array call.
 */

export const IN_ARRAY_FUNCTIONS: ReadonlySet<string> = new Set(['countInArray', 'sumInArray', 'minInArray', 'maxInArray', 'avgInArray']);

export type InArrayCall = {
  readonly functionName: string;
  /** The variable the entries come from, when the first argument is one. */
  readonly array: string | undefined;
  /** The field whose answered entries count, when the second argument is a text constant. */
  readonly field: string | undefined;
  /** Names inside the filter (and any further arguments): fields of each entry. */
  readonly entryNames: readonly string[];
  /** Another function inside the arguments. */
  readonly nestedFunction: boolean;
};

export type ExpressionNames = {
  /** Names survey-core resolves in the survey: everything outside in-array filters. */
  readonly survey: readonly string[];
  readonly inArrayCalls: readonly InArrayCall[];
  /** Functions other than the in-array ones, by name. */
  readonly otherFunctions: readonly string[];
};

/** undefined when the expression cannot be parsed. */
export function expressionNames(expression: string): ExpressionNames | undefined {
  let root: Operand | null;
  try {
    root = new ConditionsParser().parseExpression(expression);
  } catch {
    return undefined;
  }
  if (!root) return undefined;
  const names: { survey: string[]; inArrayCalls: InArrayCall[]; otherFunctions: string[] } = { survey: [], inArrayCalls: [], otherFunctions: [] };
  walk(root, names);
  return names;
}

type Collected = { survey: string[]; inArrayCalls: InArrayCall[]; otherFunctions: string[] };

function walk(operand: Operand | null | undefined, found: Collected): void {
  if (!operand) return;
  if (operand instanceof Variable) found.survey.push(operand.variable);
  else if (operand instanceof BinaryOperand) {
    walk(operand.leftOperand, found);
    walk(operand.rightOperand, found);
  } else if (operand instanceof UnaryOperand) walk(operand.expression, found);
  else if (operand instanceof ArrayOperand) for (const value of operand.values) walk(value, found);
  else if (operand instanceof FunctionOperand) {
    if (IN_ARRAY_FUNCTIONS.has(operand.functionName)) found.inArrayCalls.push(inArrayCall(operand));
    else {
      found.otherFunctions.push(operand.functionName);
      for (const value of operand.paramValues) walk(value, found);
    }
  }
}

function inArrayCall(operand: FunctionOperand): InArrayCall {
  const [array, field, ...rest] = operand.paramValues;
  const inner: Collected = { survey: [], inArrayCalls: [], otherFunctions: [] };
  for (const value of rest) walk(value, inner);
  return {
    functionName: operand.functionName,
    array: array instanceof Variable ? array.variable : undefined,
    field: field instanceof Const && !(field instanceof Variable) && typeof field.correctValue === 'string' ? field.correctValue : undefined,
    entryNames: inner.survey,
    nestedFunction: inner.inArrayCalls.length > 0 || inner.otherFunctions.length > 0,
  };
}
