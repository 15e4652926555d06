import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../helpers/fake-api';
import { deferredResponse, jsonResponse } from '../../helpers/fake-fetch';
import { analystUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { A, analysisRoutes, codebookFixture } from './analysis-fixtures';

const codebook = () => screen.findByRole('table', { name: 'The codebook: one row per variable' });

describe('The codebook page', () => {
  it('lists every variable with its question, section, type, codes and labels, and marks personal data', async () => {
    stubApi(analysisRoutes(analystUser));
    renderApp('/analysis/codebook?survey=national-cooperation&version=2');

    const table = await codebook();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'contact_person.namePersonal dataContact person — NameA. RespondenttextNo codes: free text',
      'action_planIs a national action plan in force?C. National coordinationchoiceradiogroupin_forceYes, a plan is in forcenoneNo',
      'specialised_ngo_countHow many NGOs specialise in assisting victims?B. Anti-trafficking actorsnumbertextNo codes: the value itself',
    ]);
    expect(screen.getByRole('link', { name: 'Download the codebook (CSV)' }).getAttribute('href')).toBe(`${A}/export/codebook.csv`);
  });

  it('finds variables by name, question, section or label', async () => {
    stubApi(analysisRoutes(analystUser));
    renderApp('/analysis/codebook?survey=national-cooperation&version=2');
    await codebook();

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search the codebook' }), 'plan force');

    const rows = within(await codebook()).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['action_plan']);
    expect(screen.getByText('1 of 3 variables match')).toBeTruthy();

    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search the codebook' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search the codebook' }), 'nothing like this');
    expect(await screen.findByRole('heading', { name: 'No variable matches' })).toBeTruthy();
  });

  it('says it is loading the codebook', async () => {
    const answer = deferredResponse();
    stubApi(analysisRoutes(analystUser, { [`GET ${A}/codebook`]: () => answer.promise }));
    renderApp('/analysis/codebook?survey=national-cooperation&version=2');

    expect(await screen.findByText('Loading the codebook…')).toBeTruthy();
    answer.resolve(jsonResponse(200, codebookFixture));
    expect(await codebook()).toBeTruthy();
  });
});
