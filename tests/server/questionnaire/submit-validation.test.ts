import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSubmitValidator } from '../../../server/questionnaire/submit-validation.js';
import { answerSets } from './support/answer-arbitraries.js';
import { everyType, everyTypeComplete, onePage, questionTree } from './support/fixtures.js';

const definition = everyType();
const validator = createSubmitValidator(definition);

const REQUIRED_WHEN_EMPTY = [
  { question: 'respondent_name', message: 'Response required.' },
  { question: 'institution', message: 'Response required.' },
  { question: 'cooperation', message: 'Response required: answer questions in all rows.' },
  { question: 'contact', message: "item 'name': Response required." },
  // The definition starts the dynamic panel and matrix with one entry, as a fresh survey shows them.
  { question: 'organisations', message: "entry 1, 'org_name': Response required." },
  { question: 'agreements', message: "row 1, column 'partner': Response required." },
];

describe('validateForSubmit', () => {
  it('accepts a complete response', () => {
    expect(validator.validateForSubmit(everyTypeComplete())).toEqual([]);
  });

  it('lists every missing required answer by question name', () => {
    expect(validator.validateForSubmit({})).toEqual(REQUIRED_WHEN_EMPTY);
  });

  it('requires a follow-up only while it is visible', () => {
    const complete = everyTypeComplete();
    delete complete.plan_period;
    expect(validator.validateForSubmit({ ...complete, has_plan: false })).toEqual([]);
    expect(validator.validateForSubmit({ ...complete, has_plan: true })).toEqual([{ question: 'plan_period', message: 'Response required.' }]);
  });

  it('runs validators: numeric range and e-mail', () => {
    expect(validator.validateForSubmit({ ...everyTypeComplete(), staff_count: 2000, email: 'not-an-address' })).toEqual([
      { question: 'staff_count', message: "The 'value' should be at least 0 and at most 1000" },
      { question: 'email', message: 'Please enter a valid e-mail address.' },
    ]);
  });

  it('reports problems inside dynamic panels, matrices and items under the top-level question', () => {
    const data = {
      ...everyTypeComplete(),
      cooperation: { police: 'none' },
      contact: { phone: '1' },
      organisations: [{ org_name: 'A' }, { org_email: 'nobody' }],
    };
    expect(validator.validateForSubmit(data)).toEqual([
      { question: 'cooperation', message: 'Response required: answer questions in all rows.' },
      { question: 'contact', message: "item 'name': Response required." },
      { question: 'organisations', message: "entry 2, 'org_name': Response required." },
      { question: 'organisations', message: "entry 2, 'org_email': Please enter a valid e-mail address." },
    ]);
  });

  it('reports cells of matrixdropdown rows', () => {
    const matrix = createSubmitValidator(
      onePage({ type: 'matrixdropdown', name: 'services', rows: ['shelter', 'legal'], columns: [{ name: 'places', cellType: 'text', inputType: 'number', isRequired: true }] }),
    );
    expect(matrix.validateForSubmit({ services: { shelter: { places: 3 } } })).toEqual([
      { question: 'services', message: "row 'legal', column 'places': Response required." },
    ]);
  });

  it("never changes the caller's data, though survey-core rewrites what it validates", () => {
    const data = { ...everyTypeComplete(), roles: ['referral', 'unknown-choice'] };
    const copy = structuredClone(data);
    validator.validateForSubmit(data);
    validator.progress(data);
    expect(data).toEqual(copy);
  });

  it('leaves nothing behind for the next call: dynamic-panel entries go with their data', () => {
    const reused = createSubmitValidator(definition);
    reused.validateForSubmit({ ...everyTypeComplete(), organisations: [{}, {}, {}] });
    expect(reused.validateForSubmit({})).toEqual(REQUIRED_WHEN_EMPTY);
  });

  // A fresh Model per answer set costs tens of milliseconds, more on a busy machine.
  it('gives a reused validator the same answers as a fresh one, whatever came before', { timeout: 120_000 }, () => {
    const reused = createSubmitValidator(definition);
    const sets = answerSets(questionTree(definition));
    fc.assert(
      fc.property(sets, sets, (before, data) => {
        reused.validateForSubmit(before);
        const fresh = createSubmitValidator(definition);
        expect(reused.validateForSubmit(data)).toEqual(fresh.validateForSubmit(data));
        reused.progress(before);
        expect(reused.progress(data)).toEqual(fresh.progress(data));
      }),
      { numRuns: 40 },
    );
  });

  it('shows the definition’s initial dynamic-panel entries, as a fresh survey does', () => {
    const withEntry = createSubmitValidator(
      onePage({ type: 'paneldynamic', name: 'orgs', panelCount: 1, templateElements: [{ type: 'text', name: 'org', isRequired: true }] }),
    );
    expect(withEntry.validateForSubmit({ orgs: [{ org: 'a' }, { org: 'b' }] })).toEqual([]);
    expect(withEntry.validateForSubmit({})).toEqual([{ question: 'orgs', message: "entry 1, 'org': Response required." }]);
  });
});

describe('progress', () => {
  it('counts the required, visible questions answered, and every question the submit check stops at', () => {
    // Two required questions, and the four REQUIRED_WHEN_EMPTY names for their required parts.
    expect(validator.progress({})).toEqual({ answered: 0, counted: 6, required: 6, share: 0 });
    expect(validator.progress({ respondent_name: 'M' })).toEqual({ answered: 1, counted: 6, required: 6, share: 1 / 6 });
    const parts = { cooperation: { police: 'none', prosecution: 'regular' }, contact: { name: 'Mari' }, organisations: [{ org_name: 'A' }], agreements: [{ partner: 'B' }] };
    expect(validator.progress({ respondent_name: 'M', ...parts })).toEqual({ answered: 1, counted: 2, required: 2, share: 0.5 });
    expect(validator.progress({ respondent_name: 'M', has_plan: true, ...parts })).toEqual({ answered: 1, counted: 3, required: 3, share: 1 / 3 });
    expect(validator.progress(everyTypeComplete())).toEqual({ answered: 3, counted: 3, required: 3, share: 1 });
  });

  it('counts an empty string, list or object as unanswered', () => {
    expect(validator.progress({ respondent_name: '', institution: 'police' })).toEqual({ answered: 1, counted: 6, required: 6, share: 1 / 6 });
    const optional = createSubmitValidator(onePage({ type: 'checkbox', name: 'a', choices: ['x'] }, { type: 'matrix', name: 'b', rows: ['r'], columns: ['c'] }));
    expect(optional.progress({ a: [], b: {} })).toEqual({ answered: 0, counted: 2, required: 0, share: 0 });
  });

  it('counts all visible questions when none is required', () => {
    const optional = createSubmitValidator(
      onePage({ type: 'boolean', name: 'a' }, { type: 'text', name: 'b', visibleIf: '{a} = true' }, { type: 'html', name: 'note', html: 'x' }),
    );
    expect(optional.progress({})).toEqual({ answered: 0, counted: 1, required: 0, share: 0 });
    expect(optional.progress({ a: false })).toEqual({ answered: 1, counted: 1, required: 0, share: 1 });
    expect(optional.progress({ a: true })).toEqual({ answered: 1, counted: 2, required: 0, share: 0.5 });
  });

  it('is complete when nothing is visible to answer', () => {
    const hidden = createSubmitValidator(onePage({ type: 'text', name: 'a', visibleIf: '{b} = 1' }, { type: 'expression', name: 'b', expression: '2' }));
    expect(hidden.progress({})).toEqual({ answered: 0, counted: 0, required: 0, share: 1 });
  });
});
