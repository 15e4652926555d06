import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { countAnswers } from '../../../../client/src/features/responses/survey/answer-progress';

const definition = {
  pages: [
    {
      name: 'p',
      elements: [
        {
          type: 'multipletext',
          name: 'contact',
          isRequired: true,
          items: [
            { name: 'name', isRequired: true },
            { name: 'email', isRequired: true },
          ],
        },
        { type: 'boolean', name: 'has_plan', isRequired: true },
        { type: 'text', name: 'plan_period', isRequired: true, visibleIf: '{has_plan} = true' },
        { type: 'text', name: 'notes' },
        { type: 'html', name: 'intro', html: '<p>Read me</p>' },
      ],
    },
  ],
};

describe('countAnswers', () => {
  it('counts a question with required items once, as the server does (not one per item)', () => {
    const model = new Model(definition);
    model.data = { contact: { name: 'Mari Kask' } };
    expect(countAnswers(model)).toEqual({ answered: 1, counted: 2, required: 2, share: 0.5 });
  });

  it('counts a required follow-up only while it is shown, and false as an answer', () => {
    const model = new Model(definition);
    model.data = { contact: { name: 'Mari Kask', email: 'mari@example.ee' }, has_plan: false };
    expect(countAnswers(model)).toEqual({ answered: 2, counted: 2, required: 2, share: 1 });
    model.setValue('has_plan', true);
    expect(countAnswers(model)).toEqual({ answered: 2, counted: 3, required: 3, share: 2 / 3 });
  });

  it('counts every question shown when none is required, and an empty text as unanswered', () => {
    const model = new Model({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }, { type: 'comment', name: 'b' }, { type: 'html', name: 'c', html: 'x' }] }] });
    model.data = { a: 'yes', b: '' };
    expect(countAnswers(model)).toEqual({ answered: 1, counted: 2, required: 0, share: 0.5 });
  });

  it('is complete when nothing is shown to answer, as the server says', () => {
    const model = new Model({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', visibleIf: '{b} = 1' }, { type: 'html', name: 'c', html: 'x' }] }] });
    expect(countAnswers(model)).toEqual({ answered: 0, counted: 0, required: 0, share: 1 });
  });
});
