import { describe, expect, it } from 'vitest';
import { InvalidDefinitionError, buildCatalogue, compileQuestionnaire } from '../../../server/questionnaire/index.js';
import { everyType, everyTypeComplete, onePage } from './support/fixtures.js';

describe('compileQuestionnaire', () => {
  const compiled = compileQuestionnaire(everyType());

  it('bundles what the server caches per version, frozen', () => {
    expect(Object.keys(compiled).sort()).toEqual(['answerSchema', 'catalogue', 'checkDraft', 'dataKeys', 'progress', 'submitEngine', 'validateForSubmit']);
    expect(Object.isFrozen(compiled.dataKeys)).toBe(true);
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(Object.isFrozen(compiled.catalogue.variables[0])).toBe(true);
    expect(Object.isFrozen(compiled.answerSchema.properties)).toBe(true);
    expect(compiled.catalogue).toEqual(buildCatalogue(everyType()));
  });

  it('checks drafts and submissions of the same version', () => {
    const complete = everyTypeComplete();
    expect(compiled.checkDraft(complete)).toEqual([]);
    expect(compiled.validateForSubmit(complete)).toEqual([]);
    expect(compiled.progress(complete)).toEqual({ answered: 3, counted: 3, required: 3, share: 1 });
  });

  it('answers a submission with ill-typed values by the draft check, before survey-core sees them', () => {
    expect(compiled.validateForSubmit({ ...everyTypeComplete(), roles: 'referral' })).toEqual([{ question: 'roles', message: 'must be a list of choice values' }]);
  });

  it('refuses a definition checkDefinition refuses, with its reasons', () => {
    const broken = onePage({ type: 'text', name: 'a' }, { type: 'text', name: 'a' });
    expect(() => compileQuestionnaire(broken)).toThrow(InvalidDefinitionError);
    try {
      compileQuestionnaire(broken);
    } catch (error) {
      expect((error as InvalidDefinitionError).reasons).toEqual(["pages[0].elements[1]: the name 'a' is used twice"]);
    }
  });
});
