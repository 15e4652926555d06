import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../server/questionnaire/json.js';
import type { Problem } from '../../../server/questionnaire/problem.js';
import { compileSubmitRules } from '../../../server/questionnaire/submit-rules/submit-rules.js';
import type { Progress } from '../../../server/questionnaire/submit-validation.js';
import { createSubmitValidator } from '../../../server/questionnaire/submit-validation.js';
import { everyType, everyTypeComplete, onePage } from './support/fixtures.js';
import { answerRules, countingRules, entryVariableRules, matrixRules, panelRules, visibilityRules } from './support/rule-definitions.js';

/**
 * One rule at a time: what the submit rules report, and that survey-core's Model path reports
 * the same (so each expectation below is survey-core's behaviour, not a guess).
 */

function problemsOf(definition: JsonObject, data: JsonObject): Problem[] {
  const rules = compileSubmitRules(definition, new Model(definition));
  if (!rules.ok) throw new Error(rules.reasons.join('\n'));
  const problems = rules.validator.validateForSubmit(data);
  expect(problems).toEqual(createSubmitValidator(definition).validateForSubmit(data));
  return problems;
}

function progressOf(definition: JsonObject, data: JsonObject): Progress {
  const rules = compileSubmitRules(definition, new Model(definition));
  if (!rules.ok) throw new Error(rules.reasons.join('\n'));
  const progress = rules.validator.progress(data);
  expect(progress).toEqual(createSubmitValidator(definition).progress(data));
  return progress;
}

const required = (question: string, where = '') => ({ question, message: `${where}Response required.` });

describe('submit rules: visibility', () => {
  it('hides a question with its panel, and a panel with the panel around it', () => {
    expect(problemsOf(visibilityRules, { kind: 'ngo', roles: ['shelter'] })).toEqual([required('ngo_name'), required('funded')]);
    expect(problemsOf(visibilityRules, { kind: 'ngo', roles: ['legal'], ngo_name: 'x' })).toEqual([]);
    expect(problemsOf(visibilityRules, { kind: 'police', roles: ['shelter'], funded: true })).toEqual([required('trust')]);
  });

  it('sees an unanswered checkbox as an empty list, as survey-core does', () => {
    expect(problemsOf(visibilityRules, {})).toEqual([required('why_none')]);
  });

  it('hides a whole page, and reads comments, multiple-text items and matrix rows', () => {
    expect(problemsOf(visibilityRules, { kind: 'other', 'kind-Comment': 'x', roles: ['legal'], contact: { staff: 11 } })).toEqual([
      required('staff_note'),
      required('trust'),
      required('other_detail'),
    ]);
    expect(problemsOf(visibilityRules, { roles: ['legal'], levels: { courts: 'some' } })).toEqual([required('staff_note')]);
  });

  it('reads booleans by their stored values, ratings, numeric choices, numbers and texts', () => {
    expect(problemsOf(visibilityRules, { roles: ['legal'], agree: 'yes', score: 4, size: 3 })).toEqual([required('why_agree'), required('why_large')]);
    expect(problemsOf(visibilityRules, { roles: ['legal'], agree: 'no', score: 5, staff_count: 101 })).toEqual([required('why_large')]);
    expect(problemsOf(visibilityRules, { roles: ['legal'], remark: 'not urgent' })).toEqual([required('why_large')]);
    expect(problemsOf(visibilityRules, { roles: ['legal'], agree: 'yes', score: 3, size: 2, staff_count: 100 })).toEqual([]);
  });

  it('never shows a question whose visible is false', () => {
    expect(problemsOf(visibilityRules, { roles: ['legal'] })).toEqual([]);
  });

  it('counts progress over the visible required questions', () => {
    expect(progressOf(visibilityRules, { kind: 'ngo', roles: ['shelter'], ngo_name: 'N' })).toEqual({ answered: 1, counted: 2, required: 2, share: 0.5 });
    // Nothing required is visible: the nine optional questions of the first page count instead.
    expect(progressOf(visibilityRules, { roles: ['legal'] })).toEqual({ answered: 1, counted: 9, required: 0, share: 1 / 9 });
  });
});

describe('submit rules: required answers', () => {
  it('requires each required question by the emptiness of its type', () => {
    expect(problemsOf(answerRules, { share: 1, labelled_year: 2000, roles: ['x', 'y'] })).toEqual([
      required('count'),
      { question: 'day', message: 'Say when' },
      required('kind'),
      required('agreed'),
      required('consent'),
      required('score'),
      required('order'),
      required('notes'),
      required('contact'),
      required('contact', "item 'name': "),
    ]);
  });

  it('takes false as an answer, and a text of spaces as none', () => {
    const answered = { agreed: false, consent: 'no', notes: '   ' };
    const problems = problemsOf(answerRules, answered).map((problem) => problem.question);
    expect(problems).not.toContain('agreed');
    expect(problems).not.toContain('consent');
    expect(problems).toContain('notes');
  });
});

describe('submit rules: checks of single answers', () => {
  const valid = {
    count: 5,
    day: '2024-01-31',
    labelled_year: 2000,
    kind: 'a',
    roles: ['x', 'y'],
    agreed: true,
    consent: 'yes',
    score: 3,
    order: ['p', 'q', 'r'],
    notes: 'ok',
    contact: { name: 'N' },
  };

  it('accepts a valid answer set', () => {
    expect(problemsOf(answerRules, valid)).toEqual([]);
  });

  it("asks for the text of an 'other' choice, with the question's own message or survey-core's", () => {
    expect(problemsOf(answerRules, { ...valid, kind: 'other', level: 'other', roles: ['x', 'other'] })).toEqual([
      { question: 'kind', message: 'Which other?' },
      { question: 'level', message: 'Response required: enter another value.' },
      { question: 'roles', message: 'Response required: enter another value.' },
    ]);
    expect(problemsOf(answerRules, { ...valid, kind: 'other', 'kind-Comment': ' ' })).toEqual([]);
  });

  it('checks numbers against min, max and step, and words the bound into the message', () => {
    expect(problemsOf(answerRules, { ...valid, count: -5 })).toEqual([{ question: 'count', message: 'The value should not be less than 0' }]);
    expect(problemsOf(answerRules, { ...valid, count: 105 })).toEqual([{ question: 'count', message: 'The value should not be greater than 100' }]);
    expect(problemsOf(answerRules, { ...valid, count: 7 })).toEqual([{ question: 'count', message: 'Please enter a value that matches the step size of 5.' }]);
    expect(problemsOf(answerRules, { ...valid, share: 0.4 })).toEqual([{ question: 'share', message: 'At least 0.5, please' }]);
  });

  it('runs validators only when the own checks found nothing', () => {
    expect(problemsOf(answerRules, { ...valid, share: 1.2 })).toEqual([{ question: 'share', message: "The 'value' should be at most 1" }]);
    expect(problemsOf(answerRules, { ...valid, share: 2 })).toEqual([{ question: 'share', message: 'The value should not be greater than 1.5' }]);
    expect(problemsOf(answerRules, { ...valid, code: 'abcd' })).toEqual([
      { question: 'code', message: 'Two capitals' },
      { question: 'code', message: 'Please enter at least 2 and no more than 3 characters.' },
    ]);
  });

  it('checks an e-mail input unless it lists an e-mail validator of its own', () => {
    expect(problemsOf(answerRules, { ...valid, mail: 'x', checked_mail: 'x' })).toEqual([
      { question: 'mail', message: 'Please enter a valid e-mail address.' },
      { question: 'checked_mail', message: 'Not an address' },
    ]);
  });

  it('keeps dates below survey-core’s latest date', () => {
    expect(problemsOf(answerRules, { ...valid, day: '3000-01-01' })).toEqual([{ question: 'day', message: 'The value should not be greater than Tue Dec 31 2999' }]);
  });

  it('runs expression validators on the answers, also for an unanswered question', () => {
    const withoutYear: JsonObject = { ...valid, first_year: 2010, last_year: 2000 };
    delete withoutYear.labelled_year;
    expect(problemsOf(answerRules, withoutYear)).toEqual([
      { question: 'last_year', message: "The expression: {first_year} empty or {last_year} >= {first_year} should return 'true'." },
      { question: 'labelled_year', message: 'After 1999' },
    ]);
  });

  it('counts the choices of a checkbox and of an answer-count validator', () => {
    expect(problemsOf(answerRules, { ...valid, roles: ['x'], tags: ['x', 'y', 'z'] })).toEqual([
      { question: 'roles', message: 'Please select at least 2 option(s).' },
      { question: 'tags', message: 'Please select no more than 2 option(s).' },
    ]);
    expect(problemsOf(answerRules, { ...valid, roles: ['none'] })).toEqual([]);
  });

  it('checks every item of a multiple-text question as a text input of its own', () => {
    expect(problemsOf(answerRules, { ...valid, contact: { staff: 0, mail: 'm', phone: 'abc' } })).toEqual([
      required('contact', "item 'name': "),
      { question: 'contact', message: "item 'staff': The 'value' should be at least 1" },
      { question: 'contact', message: "item 'mail': Please enter a valid e-mail address." },
      { question: 'contact', message: "item 'phone': Digits only" },
    ]);
  });
});

describe('submit rules: matrices', () => {
  it('requires all rows of a single matrix in one message', () => {
    expect(problemsOf(matrixRules, { cooperation: { police: 'none' } }).slice(0, 1)).toEqual([
      { question: 'cooperation', message: 'Response required: answer questions in all rows.' },
    ]);
    expect(problemsOf(matrixRules, {}).slice(0, 2)).toEqual([
      required('cooperation'),
      { question: 'cooperation', message: 'Response required: answer questions in all rows.' },
    ]);
  });

  it('checks each cell of a dropdown matrix by its column', () => {
    const services = problemsOf(matrixRules, {
      cooperation: { police: 'none', courts: 'some' },
      services: {
        shelter: { provider: 'ngo', places: -1, funded: false, rating: 3, channels: ['phone'] },
        legal: { provider: 'state', places: 60, mail: 'x', funded: true, rating: 1, channels: [], remark: 'ab' },
      },
      agreements: [],
      required_rows: [{}, {}],
    });
    expect(services).toEqual([
      { question: 'services', message: "row 'shelter', column 'places': The value should not be less than 0" },
      { question: 'services', message: "row 'legal', column 'places': The 'value' should be at most 50" },
      { question: 'services', message: "row 'legal', column 'mail': Please enter a valid e-mail address." },
      { question: 'services', message: "row 'legal', column 'channels': Please select at least 1 option(s)." },
      { question: 'services', message: "row 'legal', column 'remark': Please enter at least 3 character(s)." },
    ]);
  });

  it('gives a dynamic matrix its rows from the data, rowCount rows without data, none for an empty list', () => {
    const agreements = (data: JsonObject) => problemsOf(matrixRules, data).filter((problem) => problem.question === 'agreements');
    expect(agreements({})).toEqual([
      { question: 'agreements', message: "row 1, column 'partner': Name the partner" },
      { question: 'agreements', message: "row 2, column 'partner': Name the partner" },
    ]);
    expect(agreements({ agreements: [] })).toEqual([]);
    expect(agreements({ agreements: [{ partner: 'A', year: 1980 }, { partner: ' ' }, { forms: ['labour'] }] })).toEqual([
      { question: 'agreements', message: "row 1, column 'year': The 'value' should be at least 1990 and at most 2030" },
      { question: 'agreements', message: "row 2, column 'partner': Name the partner" },
      { question: 'agreements', message: "row 3, column 'partner': Name the partner" },
    ]);
  });

  it('sees a required matrix as survey-core holds its value: empty cells dropped, untouched empty rows kept', () => {
    const requiredRows = (data: JsonObject) => problemsOf(matrixRules, data).filter((problem) => problem.question === 'required_rows');
    expect(requiredRows({ required_rows: [] })).toEqual([required('required_rows')]);
    expect(requiredRows({ required_rows: [{ what: ' ' }, {}] })).toEqual([required('required_rows')]);
    expect(requiredRows({ required_rows: [{}, {}] })).toEqual([]);
    const services = (data: JsonObject) => problemsOf(matrixRules, data).filter((problem) => problem.message === 'Response required.' && problem.question === 'services');
    expect(services({ services: { shelter: { places: 1 }, legal: {} } })).toEqual([]);
    expect(services({ services: { shelter: { channels: [] }, legal: { remark: '  ' } } })).toEqual([required('services')]);
  });
});

describe('submit rules: dynamic panels', () => {
  it('shows panelCount empty entries when the data has none, also for an empty list', () => {
    const empty = [
      required('orgs'),
      required('orgs', "entry 1, 'kind': "),
      required('orgs', "entry 1, 'no_roles': "),
      required('orgs', "entry 2, 'kind': "),
      required('orgs', "entry 2, 'no_roles': "),
    ];
    expect(problemsOf(panelRules, {})).toEqual(empty);
    expect(problemsOf(panelRules, { orgs: [] })).toEqual(empty);
  });

  it('checks the visible template questions of each entry, with the entry’s answers', () => {
    expect(problemsOf(panelRules, { orgs: [{ kind: 'ngo', roles: ['a'] }] })).toEqual([required('orgs', "entry 1, 'ngo_name': ")]);
    expect(
      problemsOf(panelRules, {
        detailed: true,
        orgs: [
          { kind: 'police', roles: ['a'], mail: 'a@b.de', staff: { women: { count: -1 } }, head: { phone: '1' } },
          { kind: 'other', roles: ['none'] },
        ],
        optional_entries: [{}],
      }),
    ).toEqual([
      required('orgs', "entry 1, 'police_unit': "),
      { question: 'orgs', message: "entry 1, 'mail': Use an official address" },
      { question: 'orgs', message: "entry 1, 'staff', row 'women', column 'count': The value should not be less than 0" },
      required('orgs', "entry 1, 'staff', row 'men', column 'count': "),
      required('orgs', "entry 1, 'head', item 'name': "),
      { question: 'orgs', message: "entry 2, 'kind': Response required: enter another value." },
      required('orgs', "entry 2, 'mail': "),
      required('orgs', "entry 2, 'staff', row 'women', column 'count': "),
      required('orgs', "entry 2, 'staff', row 'men', column 'count': "),
      required('orgs', "entry 2, 'head', item 'name': "),
      required('optional_entries', "entry 1, 'what': "),
    ]);
  });

  it('gives entry conditions their index and neighbours', () => {
    expect(problemsOf(entryVariableRules, { orgs: [{ kind: 'ngo' }, { kind: 'ngo' }, { kind: 'police' }] })).toEqual([
      required('orgs', "entry 1, 'first_only': "),
      required('orgs', "entry 2, 'same_as_before': "),
      required('orgs', "entry 2, 'before_police': "),
    ]);
  });
});

describe('submit rules: the every-type fixture', () => {
  it('reports what survey-core reports for a complete and an empty response', () => {
    expect(problemsOf(everyType(), everyTypeComplete())).toEqual([]);
    expect(problemsOf(everyType(), {}).length).toBeGreaterThan(0);
    expect(progressOf(everyType(), everyTypeComplete())).toEqual({ answered: 3, counted: 3, required: 3, share: 1 });
  });

  it('counts all visible questions when none is required, and is complete with nothing to answer', () => {
    const optional = onePage({ type: 'boolean', name: 'a' }, { type: 'text', name: 'b', visibleIf: '{a} = true' }, { type: 'html', name: 'note', html: 'x' });
    expect(progressOf(optional, { a: true })).toEqual({ answered: 1, counted: 2, required: 0, share: 0.5 });
    expect(progressOf(onePage({ type: 'text', name: 'a', visibleIf: '{b} = 1' }, { type: 'text', name: 'b', visible: false }), {})).toEqual({ answered: 0, counted: 0, required: 0, share: 1 });
  });
});

describe('submit rules: counting the entries of a dynamic panel', () => {
  it('counts the entries whose field is answered and passes the filter, as survey-core does', () => {
    const mous = (...statuses: Array<string | undefined>): JsonObject[] =>
      statuses.map((status, n): JsonObject => (status ? { status, title: `MoU ${n + 1}` } : { title: `MoU ${n + 1}` }));
    expect(problemsOf(countingRules, { in_force_count: 2, mous: mous('in_force', 'draft', 'in_force') })).toEqual([required('why_several')]);
    expect(problemsOf(countingRules, { in_force_count: 1, mous: mous('in_force', undefined, 'in_force'), why_several: 'x' })).toEqual([
      { question: 'in_force_count', message: 'Fewer than listed' },
    ]);
    expect(problemsOf(countingRules, { in_force_count: 0, mous: [{ status: 'draft' }] })).toEqual([]);
    expect(problemsOf(countingRules, { in_force_count: 0 })).toEqual([]);
  });

  it('keeps the Model path for counts it does not model', () => {
    const reasonsFor = (expression: string, inEntry = false) => {
      const counted: JsonObject = { type: 'text', name: 'n', visibleIf: expression };
      const panel: JsonObject = { type: 'paneldynamic', name: 'mous', templateElements: [{ type: 'text', name: 'status' }, ...(inEntry ? [counted] : [])] };
      const definition = onePage(panel, { type: 'matrixdynamic', name: 'rows', columns: [{ name: 'status' }] }, ...(inEntry ? [] : [counted]));
      const rules = compileSubmitRules(definition, new Model(definition));
      return rules.ok ? [] : rules.reasons;
    };
    expect(reasonsFor("countInArray({mous}, 'status') > 0")).toEqual([]);
    expect(reasonsFor("sumInArray({mous}, 'status') > 0")).toEqual([expect.stringContaining('calls sumInArray, which is not modelled')]);
    expect(reasonsFor("countInArray({rows}, 'status') > 0")).toEqual([expect.stringContaining('on something other than a top-level dynamic panel')]);
    expect(reasonsFor("countInArray({mous}, 'title') > 0")).toEqual([expect.stringContaining("without naming a field of 'mous'")]);
    expect(reasonsFor("countInArray({mous}, 'status', {n} = 1) > 0")).toEqual([expect.stringContaining("filters countInArray on 'n', which is not a field of 'mous'")]);
    expect(reasonsFor("countInArray({mous}, 'status', age({status}) > 1) > 0")).toEqual([expect.stringContaining('calls a function inside the filter')]);
    expect(reasonsFor("countInArray({mous}, 'status') > 0", true)).toEqual([expect.stringContaining('inside a dynamic-panel entry')]);
    expect(reasonsFor("age({n}) > 0")).toEqual([expect.stringContaining('calls a function')]);
  });
});
