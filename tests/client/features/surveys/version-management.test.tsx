import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QuestionnairesPage } from '../../../../client/src/features/surveys/components/questionnaires-page';
import { describeProblem } from '../../../../client/src/features/surveys/components/definition-problems';
import type { Survey } from '../../../../client/src/types/api';
import { bodyOf, json, sent, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { repliesRoutes, replySummary, surveysFixture } from '../../helpers/fixtures';
import { renderRoutes } from '../../helpers/render';

const NATIONAL = 'National cooperation survey';
const replies = [
  replySummary({ memberState: 'DK', memberStateName: 'Denmark', status: 'accepted' }),
  replySummary({ memberState: 'EE', memberStateName: 'Estonia', status: 'submitted' }),
  replySummary({ memberState: 'FI', memberStateName: 'Finland', status: 'submitted' }),
  replySummary({ memberState: 'IS', memberStateName: 'Iceland', status: 'draft' }),
  replySummary({ memberState: 'RU', memberStateName: 'Russian Federation', status: 'not_started' }),
];

/** The questionnaires page as an administrator has it, against a stubbed API that keeps what is published and closed. */
function renderAsAdmin(routes: Record<string, ApiHandler> = {}) {
  let surveys: Survey[] = structuredClone(surveysFixture);
  const requests = stubApi({
    'GET /api/surveys': () => jsonResponse(200, surveys),
    ...repliesRoutes(replies),
    'PATCH /api/surveys/national-cooperation/versions/2': (request) => {
      const { status } = bodyOf(request) as { status: 'open' | 'closed' };
      surveys = surveys.map((s) => (s.id === 'national-cooperation' ? { ...s, versions: s.versions.map((v) => (v.version === 2 ? { ...v, status } : v)) } : s));
      return jsonResponse(200, { surveyId: 'national-cooperation', version: 2, title: '2010 follow-up', status, publishedAt: '2010-09-15T09:00:00Z' });
    },
    ...routes,
  });
  renderRoutes([{ path: '/questionnaires', element: <QuestionnairesPage showReplies manage /> }], '/questionnaires');
  return requests;
}

const versionItem = async (version: number) => {
  const survey = await screen.findByRole('region', { name: NATIONAL });
  return within(survey).getByText(`Version ${version}`).closest('li')!;
};
const jsonFile = (content: unknown, name = 'v3.json') => new File([typeof content === 'string' ? content : JSON.stringify(content)], name, { type: 'application/json' });

describe('An administrator manages questionnaire versions', () => {
  it("shows each version's replies: how many, by status", async () => {
    renderAsAdmin();
    const item = await versionItem(2);
    expect(await within(item).findByText('4 replies: 1 draft, 2 submitted, 1 accepted')).toBeTruthy();
  });

  it('closes a round only after a confirmation that says what closing does, then offers to open it again', async () => {
    const requests = renderAsAdmin();
    const item = await versionItem(2);
    await userEvent.click(within(item).getByRole('button', { name: `Close the round of ${NATIONAL}, version 2` }));

    const question = within(item).getByRole('group');
    expect(question.textContent).toMatch(/Delegates can then no longer change or submit their replies/);
    expect(question.textContent).toMatch(/what they have saved stays/);
    expect(sent(requests, 'PATCH /api/surveys/national-cooperation/versions/2')).toHaveLength(0);

    await userEvent.click(within(question).getByRole('button', { name: 'Close the round' }));

    await waitFor(() => expect(sent(requests, 'PATCH /api/surveys/national-cooperation/versions/2')).toHaveLength(1));
    expect(bodyOf(sent(requests, 'PATCH /api/surveys/national-cooperation/versions/2')[0])).toEqual({ status: 'closed' });
    const reopened = await within(await versionItem(2)).findByRole('button', { name: `Open the round of ${NATIONAL}, version 2` });
    expect(within(await versionItem(2)).getByText('Closed')).toBeTruthy();
    await userEvent.click(reopened);
    await userEvent.click(within(await versionItem(2)).getByRole('button', { name: 'Open the round' }));
    await waitFor(() => expect(bodyOf(sent(requests, 'PATCH /api/surveys/national-cooperation/versions/2')[1])).toEqual({ status: 'open' }));
  });

  it('publishes the next version from an uploaded SurveyJS file', async () => {
    const definition = { title: '2011 follow-up', pages: [{ name: 'p1', elements: [{ type: 'text', name: 'contact' }] }] };
    const requests = renderAsAdmin({ 'POST /api/surveys/national-cooperation/versions': json(201, { version: 3 }) });
    const survey = await screen.findByRole('region', { name: NATIONAL });
    const form = within(survey).getByRole('region', { name: `Publish a new version of ${NATIONAL}` });

    await userEvent.upload(within(form).getByLabelText('SurveyJS JSON file'), jsonFile(definition));
    await userEvent.click(within(form).getByRole('button', { name: 'Check and publish as version 3' }));

    expect((await within(form).findByRole('status')).textContent).toBe('Version 3 is published and open for replies.');
    expect(bodyOf(sent(requests, 'POST /api/surveys/national-cooperation/versions')[0])).toEqual({ definition });
    // The list is read again, to show the new version.
    expect(sent(requests, 'GET /api/surveys').length).toBeGreaterThan(1);
  });

  it("lists the publish check's problems, each naming its question, and publishes nothing", async () => {
    const definition = {
      pages: [
        {
          name: 'coordination',
          title: 'National coordination',
          elements: [
            { type: 'radiogroup', name: 'action_plan', title: 'Is there a national action plan?', choices: [] },
            { type: 'text', name: 'plan_years', title: 'Years covered', visibleIf: '{plan} = "yes"' },
            { type: 'text', title: 'No name here' },
          ],
        },
      ],
    };
    renderAsAdmin({
      'POST /api/surveys/national-cooperation/versions': () =>
        errorResponse(422, 'INVALID_DEFINITION', 'The questionnaire definition is not valid.', [
          "pages[0].elements[2]: an element of type 'text' has no name",
          "question 'action_plan': no choices",
          "'plan_years': visibleIf '{plan} = \"yes\"' refers to 'plan', which is not a question",
        ]),
    });
    const form = within(await screen.findByRole('region', { name: NATIONAL })).getByRole('region', { name: `Publish a new version of ${NATIONAL}` });

    await userEvent.upload(within(form).getByLabelText('SurveyJS JSON file'), jsonFile(definition));
    await userEvent.click(within(form).getByRole('button', { name: 'Check and publish as version 3' }));

    const alert = await within(form).findByRole('alert');
    expect(within(alert).getByText(/the check found 3 problems/)).toBeTruthy();
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      "Third element of page “National coordination”: An element of type 'text' has no name",
      'Question ‘action_plan’ (“Is there a national action plan?”): No choices',
      "Question ‘plan_years’ (“Years covered”): VisibleIf '{plan} = \"yes\"' refers to 'plan', which is not a question",
    ]);
    expect(document.activeElement).toBe(alert);
  });

  it('says so when the file is not JSON, or none was chosen, without sending anything', async () => {
    const requests = renderAsAdmin();
    const form = within(await screen.findByRole('region', { name: NATIONAL })).getByRole('region', { name: `Publish a new version of ${NATIONAL}` });
    const submit = within(form).getByRole('button', { name: 'Check and publish as version 3' });

    await userEvent.click(submit);
    expect(await within(form).findByText('Choose the SurveyJS JSON file of the new version.')).toBeTruthy();

    await userEvent.upload(within(form).getByLabelText('SurveyJS JSON file'), jsonFile('{ "pages": [', 'broken.json'));
    await userEvent.click(submit);
    expect(await within(form).findByText(/broken\.json is not valid JSON/)).toBeTruthy();
    expect(document.activeElement).toBe(within(form).getByLabelText('SurveyJS JSON file'));
    expect(sent(requests, 'POST /api/surveys/national-cooperation/versions')).toHaveLength(0);
  });

  it('is not offered to those who only read the questionnaires', async () => {
    stubApi({ 'GET /api/surveys': json(200, surveysFixture), ...repliesRoutes(replies) });
    renderRoutes([{ path: '/questionnaires', element: <QuestionnairesPage showReplies /> }], '/questionnaires');
    await screen.findByRole('region', { name: NATIONAL });
    expect(screen.queryByRole('button', { name: /Close the round/ })).toBeNull();
    expect(screen.queryByRole('region', { name: /Publish a new version/ })).toBeNull();
  });

  it('names the question of a problem found inside a dynamic panel, and leaves a problem of the whole file as it is', () => {
    const definition = { pages: [{ name: 'p', elements: [{ type: 'paneldynamic', name: 'orgs', templateElements: [{ type: 'text', name: 'org_name', title: 'Organisation' }] }] }] };
    expect(describeProblem("pages[0].elements[0].templateElements[0]: the name 'org_name' is used twice", definition)).toEqual({
      where: 'Question ‘org_name’ (“Organisation”)',
      problem: "The name 'org_name' is used twice",
    });
    expect(describeProblem('the definition has no pages', {})).toEqual({ where: null, problem: 'The definition has no pages' });
  });
});
