import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuestionnairePreviewPage } from '../../../../client/src/features/surveys/components/questionnaire-preview-page';
import { errorResponse, jsonResponse, stubFetch } from '../../helpers/fake-fetch';
import { surveyVersionFixture } from '../../helpers/fixtures';
import { renderRoutes } from '../../helpers/render';

function renderPreview(surveyId = 'national-cooperation', version = 2) {
  return renderRoutes([{ path: '/', element: <QuestionnairePreviewPage surveyId={surveyId} version={version} /> }], '/');
}

describe('Questionnaire preview page', () => {
  it('fetches the version and shows its questions read-only', async () => {
    const requests = stubFetch(() => jsonResponse(200, surveyVersionFixture));
    renderPreview();

    expect(await screen.findByRole('heading', { level: 1, name: '2010 follow-up' })).toBeTruthy();
    expect(await screen.findByText('Is a national action plan against trafficking in human beings in force?')).toBeTruthy();
    expect(screen.getByText('Who is the national coordinator?')).toBeTruthy();
    const choice = screen.getByRole('radio', { name: 'In force' }) as HTMLInputElement;
    expect(choice.disabled || choice.readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: /complete/i })).toBeNull();
    expect(requests.map((r) => r.url)).toEqual(['/api/surveys/national-cooperation/versions/2']);
  });

  it('shows the version status beside the title', async () => {
    stubFetch(() => jsonResponse(200, surveyVersionFixture));
    renderPreview();

    await screen.findByRole('heading', { level: 1, name: '2010 follow-up' });
    expect(screen.getByText('Open')).toBeTruthy();
  });

  it("shows the server's message for a version that does not exist", async () => {
    stubFetch(() => errorResponse(404, 'SURVEY_VERSION_NOT_FOUND', 'There is no such questionnaire version.'));
    renderPreview('national-cooperation', 9);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('There is no such questionnaire version.')).toBeTruthy();
    // Asking again would get the same 404: no "Try again", a way back instead.
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('link', { name: 'All questionnaires' })).toBeTruthy();
  });

  it('says so when the version has no questions', async () => {
    stubFetch(() => jsonResponse(200, { ...surveyVersionFixture, definition: { pages: [] } }));
    renderPreview();

    expect(await screen.findByRole('heading', { name: 'No questions' })).toBeTruthy();
  });

  it('escapes the survey id in the API path', async () => {
    const requests = stubFetch(() => jsonResponse(200, surveyVersionFixture));
    renderPreview('a/b', 1);

    await screen.findByRole('heading', { level: 1, name: '2010 follow-up' });
    expect(requests[0]?.url).toBe('/api/surveys/a%2Fb/versions/1');
  });
});
