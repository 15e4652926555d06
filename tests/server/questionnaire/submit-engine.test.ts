import { describe, expect, it } from 'vitest';
import { compileQuestionnaire } from '../../../server/questionnaire/index.js';
import type { JsonObject } from '../../../server/questionnaire/json.js';
import { createSubmitValidator } from '../../../server/questionnaire/submit-validation.js';
import { everyType, onePage, realFile } from './support/fixtures.js';
import { entryVariableRules } from './support/rule-definitions.js';

/**
 * Which engine a compiled questionnaire checks submissions with: the submit rules wherever the
 * definition stays inside what they model, survey-core's Model (with the reasons) elsewhere.
 */

const engineOf = (definition: JsonObject) => compileQuestionnaire(definition).submitEngine;
const surveyCore = (...reasons: string[]) => ({ kind: 'survey-core', reasons });

describe('the submit engine', () => {
  it('is the rules for the every-type fixture and the real questionnaires', () => {
    expect(engineOf(everyType())).toEqual({ kind: 'rules' });
    for (const file of ['v1.json', 'v2.json']) {
      const real = realFile(file);
      if (real) expect(engineOf(real)).toEqual({ kind: 'rules' });
    }
  });

  it('is the rules whatever a definition says about how questions look', () => {
    const presentation = onePage(
      { type: 'text', name: 'a', title: { default: 'Name', de: 'Name' }, description: 'd', placeholder: 'p', startWithNewLine: false },
      { type: 'comment', name: 'b', rows: 3, maxLength: 200 },
      { type: 'checkbox', name: 'c', choices: ['x', 'y'], colCount: 2, showOtherItem: true, otherText: 'Something else' },
      { type: 'boolean', name: 'd', labelTrue: 'Agree', labelFalse: 'Disagree' },
    );
    expect(engineOf(presentation)).toEqual({ kind: 'rules' });
  });

  it.each([
    ['triggers', { ...onePage({ type: 'text', name: 'a' }, { type: 'text', name: 'b' }), triggers: [{ type: 'setvalue', expression: '{a} = 1', setToName: 'b', setValue: 'x' }] }, "the survey: 'triggers' is not modelled"],
    ['calculated values', { ...onePage({ type: 'text', name: 'a' }), calculatedValues: [{ name: 'double', expression: '{a} * 2' }] }, "the survey: 'calculatedValues' is not modelled"],
    ['a locale, which changes the messages', { ...onePage({ type: 'text', name: 'a' }), locale: 'de' }, "the survey: 'locale' is not modelled"],
    ['enableIf', onePage({ type: 'text', name: 'a' }, { type: 'text', name: 'b', enableIf: '{a} = 1' }), "page 'page1' → 'b': 'enableIf' is not modelled"],
    ['requiredIf', onePage({ type: 'text', name: 'a' }, { type: 'text', name: 'b', requiredIf: '{a} = 1' }), "page 'page1' → 'b': 'requiredIf' is not modelled"],
    ['readOnly', onePage({ type: 'text', name: 'a', readOnly: true, isRequired: true }), "page 'page1' → 'a': 'readOnly' is not modelled"],
    ['choicesVisibleIf', onePage({ type: 'text', name: 'a' }, { type: 'radiogroup', name: 'b', choices: ['x'], choicesVisibleIf: '{a} notempty' }), "page 'page1' → 'b': 'choicesVisibleIf' is not modelled"],
    ['a condition on a choice', onePage({ type: 'text', name: 'a' }, { type: 'radiogroup', name: 'b', choices: ['x', { value: 'y', visibleIf: '{a} = 1' }] }), "page 'page1' → 'b' choices item: 'visibleIf' is not modelled"],
    [
      'a condition on a matrix column',
      onePage({ type: 'text', name: 'a' }, { type: 'matrixdropdown', name: 'm', rows: ['r'], columns: [{ name: 'c', cellType: 'text', visibleIf: '{a} = 1' }] }),
      "page 'page1' → 'm' column 'c': 'visibleIf' is not modelled",
    ],
    ['eachRowUnique', onePage({ type: 'matrix', name: 'm', rows: ['r', 's'], columns: ['x'], eachRowUnique: true }), "page 'page1' → 'm': 'eachRowUnique' is not modelled"],
    ['keyName', onePage({ type: 'matrixdynamic', name: 'm', keyName: 'c', columns: [{ name: 'c', cellType: 'text' }] }), "page 'page1' → 'm': 'keyName' is not modelled"],
    ['minPanelCount', onePage({ type: 'paneldynamic', name: 'p', minPanelCount: 1, templateElements: [{ type: 'text', name: 't' }] }), "page 'page1' → 'p': 'minPanelCount' is not modelled"],
    ['bounds of a date', onePage({ type: 'text', name: 'd', inputType: 'date', min: '2020-01-01' }), "page 'page1' → 'd': 'min' of an inputType 'date' is not modelled"],
    ['a question type outside the subset', onePage({ type: 'imagepicker', name: 'i', choices: [{ value: 'x', imageLink: 'x.png' }] }), "page 'page1' → 'i': question type 'imagepicker' is not modelled"],
    [
      'a computed value inside an entry',
      onePage({ type: 'paneldynamic', name: 'p', templateElements: [{ type: 'text', name: 't' }, { type: 'expression', name: 'e', expression: '{panel.t}' }] }),
      "page 'page1' → 'p' → 'e': computed values inside dynamic-panel entries and matrix rows are not modelled",
    ],
    [
      "a condition on an expression question's value",
      onePage({ type: 'text', name: 'a', inputType: 'number' }, { type: 'expression', name: 'double', expression: '{a} * 2' }, { type: 'text', name: 'b', visibleIf: '{double} > 10' }),
      "page 'page1' → 'b': visibleIf '{double} > 10' names 'double', which is not an answer the rules can read",
    ],
    [
      'a condition on a ranking, which survey-core compares strictly',
      onePage({ type: 'ranking', name: 'r', choices: ['x', 'y'] }, { type: 'text', name: 'b', visibleIf: "{r} = ['x', 'y']" }),
      "page 'page1' → 'b': visibleIf '{r} = ['x', 'y']' names 'r', which is not an answer the rules can read",
    ],
    [
      'a function in a condition',
      onePage({ type: 'text', name: 'a' }, { type: 'text', name: 'b', visibleIf: 'iif({a} = 1, true, false)' }),
      "page 'page1' → 'b': visibleIf 'iif({a} = 1, true, false)' calls a function",
    ],
    [
      // survey-core reads {a} from the matrix's own row 'a' here, not from the question 'a'.
      'a condition naming one of its own rows',
      onePage({ type: 'matrix', name: 'm', rows: ['a', 'b'], columns: ['x'], visibleIf: "{a} = 'x'" }, { type: 'text', name: 'a' }),
      "page 'page1' → 'm': visibleIf '{a} = 'x'' names 'a', which survey-core would look up in the question's own value",
    ],
  ])('is survey-core for %s, saying why', (_, definition, reason) => {
    expect(engineOf(definition as JsonObject)).toEqual(surveyCore(reason));
  });

  it('is the rules for conditions on the variables of a dynamic-panel entry, answering as survey-core does', () => {
    const compiled = compileQuestionnaire(entryVariableRules);
    expect(compiled.submitEngine).toEqual({ kind: 'rules' });
    for (const data of [{}, { orgs: [{ kind: 'ngo' }, { kind: 'ngo' }, { kind: 'police' }] }, { orgs: [{ kind: 'police', first_only: 'x' }, { kind: 'police' }] }]) {
      expect(compiled.validateForSubmit(data)).toEqual(createSubmitValidator(entryVariableRules).validateForSubmit(data));
      expect(compiled.progress(data)).toEqual(createSubmitValidator(entryVariableRules).progress(data));
    }
    expect(compiled.validateForSubmit({ orgs: [{ kind: 'ngo' }, { kind: 'ngo' }, { kind: 'police' }] })).toHaveLength(3);
  });

  it('still answers as survey-core does when it falls back', () => {
    const definition = onePage({ type: 'text', name: 'a' }, { type: 'text', name: 'b', isRequired: true, requiredIf: '{a} = 1', enableIf: '{a} = 1' });
    const compiled = compileQuestionnaire(definition);
    expect(compiled.submitEngine.kind).toBe('survey-core');
    for (const data of [{}, { a: '1' }, { a: '1', b: 'x' }]) {
      expect(compiled.validateForSubmit(data)).toEqual(createSubmitValidator(definition).validateForSubmit(data));
      expect(compiled.progress(data)).toEqual(createSubmitValidator(definition).progress(data));
    }
  });
});
