import { readFileSync } from 'node:fs';
import { settings } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { COMMENT_SUFFIX, commentKey, commentOwner, compileQuestionnaire, questionOfKey, type JsonObject } from '../../../server/questionnaire/index.js';

const v2 = JSON.parse(readFileSync(new URL('../../../survey-definitions/national-cooperation/v2.json', import.meta.url), 'utf8')) as JsonObject;

describe('the data keys of a questionnaire', () => {
  it('keep the comment suffix survey-core keeps "other" texts under', () => {
    expect(COMMENT_SUFFIX).toBe(settings.commentSuffix);
    expect(commentKey('institution_type')).toBe('institution_type-Comment');
    expect(commentOwner('institution_type-Comment')).toBe('institution_type');
    expect(commentOwner('institution_type')).toBeUndefined();
  });

  it('name every key a response may hold, the question of each and the comment key of a question', () => {
    const { dataKeys, answerSchema } = compileQuestionnaire(v2);
    expect([...dataKeys.all].sort()).toEqual(Object.keys(answerSchema.properties as object).sort());
    expect(dataKeys.all.has('institution_type-Comment')).toBe(true);
    expect(dataKeys.questionOf('institution_type-Comment')).toBe('institution_type');
    expect(dataKeys.questionOf('institution_type')).toBe('institution_type');
    expect(dataKeys.commentKeyOf('institution_type')).toBe('institution_type-Comment');
  });

  it('leave a key whose prefix is no question as its own question', () => {
    const { dataKeys } = compileQuestionnaire(v2);
    expect(dataKeys.questionOf('no_such_question-Comment')).toBe('no_such_question-Comment');
    expect(questionOfKey('x-Comment', (name) => name === 'x')).toBe('x');
    expect(questionOfKey('x-Comment', () => false)).toBe('x-Comment');
  });
});
