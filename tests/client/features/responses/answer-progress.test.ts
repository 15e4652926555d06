import { describe, expect, it } from 'vitest';
import { createResponseModel } from '../../../../client/src/features/responses/survey/create-response-model';
import { submitCheck } from '../../../../client/src/features/responses/survey/submit-check';

const definition = {
  pages: [
    {
      name: 'p',
      elements: [
        {
          type: 'multipletext',
          name: 'contact',
          title: 'Contact person',
          isRequired: true,
          items: [
            { name: 'name', title: 'Name', isRequired: true },
            { name: 'email', title: 'E-mail', isRequired: true, inputType: 'email' },
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

const open = (data: Record<string, unknown>, def: Record<string, unknown> = definition) => createResponseModel(def, data, { readOnly: false, locale: null });

describe('the reply page’s progress', () => {
  it('does not count a multiple-text question while a required item is missing: it is on the error list', () => {
    const { model, checks } = open({ contact: { name: 'Mari Kask' }, has_plan: false });
    expect(checks.progress()).toEqual({ answered: 1, counted: 2, required: 2, share: 0.5 });
    expect(submitCheck(model, checks)).toEqual([{ question: 'contact', message: "item 'email': Response required." }]);
    model.setValue('contact', { name: 'Mari Kask', email: 'not-an-address' });
    expect(checks.progress().answered).toBe(1);
    model.setValue('contact', { name: 'Mari Kask', email: 'mari@example.ee' });
    expect(checks.progress()).toEqual({ answered: 2, counted: 2, required: 2, share: 1 });
    expect(submitCheck(model, checks)).toEqual([]);
  });

  it('counts a question as a whole, a required follow-up only while it is shown, and false as an answer', () => {
    const { model, checks } = open({ contact: { name: 'Mari Kask', email: 'mari@example.ee' }, has_plan: false });
    expect(checks.progress()).toEqual({ answered: 2, counted: 2, required: 2, share: 1 });
    model.setValue('has_plan', true);
    expect(checks.progress()).toEqual({ answered: 2, counted: 3, required: 3, share: 2 / 3 });
  });

  it('counts every question shown when none is required, and an empty text as unanswered', () => {
    const { checks } = open({ a: 'yes', b: '' }, { pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }, { type: 'comment', name: 'b' }, { type: 'html', name: 'c', html: 'x' }] }] });
    expect(checks.progress()).toEqual({ answered: 1, counted: 2, required: 0, share: 0.5 });
  });

  it('is complete when nothing is shown to answer, as the server says', () => {
    const { checks } = open({}, { pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', visibleIf: '{b} = 1' }, { type: 'html', name: 'c', html: 'x' }] }] });
    expect(checks.progress()).toEqual({ answered: 0, counted: 0, required: 0, share: 1 });
  });

  it('counts the definition’s own empty entries, not those the page has shown since', () => {
    const panels = { pages: [{ name: 'p', elements: [{ type: 'paneldynamic', name: 'orgs', isRequired: true, panelCount: 0, templateElements: [{ type: 'text', name: 'org', isRequired: true }] }] }] };
    const { model, checks } = open({ orgs: [{ org: 'A' }, { org: 'B' }] }, panels);
    expect(checks.progress().answered).toBe(1);
    model.clearValue('orgs');
    expect(submitCheck(model, checks)).toEqual([{ question: 'orgs', message: 'Response required.' }]);
  });

  it('words the problems in the page’s language once the delegate switches it', () => {
    const text = { type: 'text', name: 'a', title: { default: 'Name', de: 'Name' }, isRequired: true, requiredErrorText: { default: 'Please give a name.', de: 'Bitte einen Namen angeben.' } };
    const { model, checks } = open({}, { pages: [{ name: 'p', elements: [text] }] });
    expect(submitCheck(model, checks)).toEqual([{ question: 'a', message: 'Please give a name.' }]);
    model.locale = 'de';
    expect(submitCheck(model, checks)).toEqual([{ question: 'a', message: 'Bitte einen Namen angeben.' }]);
    expect(checks.progress()).toEqual({ answered: 0, counted: 1, required: 1, share: 0 });
  });
});

describe('the check before submitting', () => {
  it('marks the fields it stops at, and takes away the marks of an earlier check that no longer apply', () => {
    const { model, checks } = open({ contact: { name: 'Mari Kask' }, has_plan: false });
    submitCheck(model, checks);
    const contact = model.getQuestionByName('contact');
    const email = contact.getNestedQuestions().find((item) => item.name === 'email')!;
    expect(email.errors.map((error) => error.getText())).toEqual(['Response required.']);
    model.setValue('contact', { name: 'Mari Kask', email: 'mari@example.ee' });
    expect(submitCheck(model, checks)).toEqual([]);
    expect(email.errors).toHaveLength(0);
  });
});
