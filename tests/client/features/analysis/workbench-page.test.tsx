import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { deferredResponse, errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { adminUser, analystUser, consultantUser, delegateUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { A, analysisRoutes, COMPARISON, comparisonFixture, definitionFixture, noCountedFixture, publicationFixture, queryOf } from './analysis-fixtures';

const TABLE_URL = '/analysis?survey=national-cooperation&version=2&table=national-coordination';

function renderWorkbench(url = TABLE_URL, overrides: Record<string, ApiHandler> = {}, user = analystUser) {
  const requests = stubApi(analysisRoutes(user, overrides));
  const rendered = renderApp(url);
  return { requests, ...rendered };
}

const comparisonTable = () => screen.findByRole('table', { name: /the answers of each member state/ });
const rowOf = (table: HTMLElement, name: string) => within(table).getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;
const cellTexts = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

// Each change re-renders the table, a Plot chart and the map: slower than a plain page in jsdom.
describe('The comparison on the workbench', { timeout: 20_000 }, () => {
  it('shows each member state by name with its status, consent and answers in words, and "n of N" under each column', async () => {
    const { requests } = renderWorkbench();

    const table = await comparisonTable();
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Member state',
      'Status',
      'Publication',
      'Is a national action plan in force?',
      'How many NGOs specialise in assisting victims?',
      'Who may formally identify a victim? — Police',
    ]);
    expect(cellTexts(rowOf(table, 'Estonia'))).toEqual(['Submitted', 'As received', 'A plan is in preparation', '2', 'Police']);
    expect(cellTexts(rowOf(table, 'Latvia'))).toEqual(['Accepted', 'Only anonymised', 'Yes, a plan is in force', '—Not answered', 'Not ticked']);
    const footer = within(table).getByRole('rowheader', { name: 'Answered' }).closest('tr')!;
    expect(cellTexts(footer)).toEqual(['2 of 4', '1 of 4', '2 of 4']);
    expect(within(rowOf(table, 'Estonia')).getByRole('link').getAttribute('href')).toBe('/analysis/profiles/EE?survey=national-cooperation');
    expect(queryOf(requests, COMPARISON).toString()).toBe('table=national-coordination');
  });

  it('lists the states without a counted reply as such, in the table and in words', async () => {
    renderWorkbench();

    const table = await comparisonTable();
    expect(cellTexts(rowOf(table, 'Poland'))).toEqual(['Draft', '—', 'No counted reply']);
    expect(cellTexts(rowOf(table, 'Denmark'))).toEqual(['Not started', '—', 'No counted reply']);
    expect(screen.getByText(/active member states have a submitted or accepted reply/).textContent).toBe(
      '2 of 4 active member states have a submitted or accepted reply to this version. Not counted: Denmark (not started), Poland (draft).',
    );
  });

  it('turns the table round: questions as rows, member states as columns; the address keeps it', async () => {
    const { router } = renderWorkbench();
    await comparisonTable();

    await userEvent.click(screen.getByRole('button', { name: 'Questions as rows' }));

    const table = await comparisonTable();
    expect(screen.getByRole('button', { name: 'Questions as rows' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Question',
      'Estonia: country profile',
      'Latvia: country profile',
      'Denmark: country profile',
      'Poland: country profile',
      'Answered',
    ]);
    const plan = within(table).getByRole('rowheader', { name: 'Is a national action plan in force?' }).closest('tr')!;
    expect(cellTexts(plan)).toEqual(['A plan is in preparation', 'Yes, a plan is in force', '—No counted reply', '—No counted reply', '2 of 4']);
    expect(router.state.location.search).toContain('transpose=1');
  });

  it('asks for the publication variant when the switch is on, and shows the anonymised state by its alias, unlinked', async () => {
    const { requests, router } = renderWorkbench(TABLE_URL, {
      [COMPARISON]: (request) => jsonResponse(200, request.url.includes('for=publication') ? publicationFixture : comparisonFixture),
    });
    await comparisonTable();

    await userEvent.click(screen.getByRole('switch', { name: 'For publication' }));

    await screen.findByText(/under an alias/);
    expect(queryOf(requests, COMPARISON).get('for')).toBe('publication');
    expect(router.state.location.search).toContain('for=publication');
    const table = await comparisonTable();
    const alias = within(table).getByRole('rowheader', { name: 'State A' });
    expect(within(alias).queryByRole('link')).toBeNull();
    expect(within(table).queryByRole('rowheader', { name: /^Latvia/ })).toBeNull();
  });

  it('counts the replies the status filter ticks, and never none', async () => {
    const { requests } = renderWorkbench();
    await comparisonTable();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Draft' }));

    await waitFor(() => expect(queryOf(requests, COMPARISON).get('status')).toBe('draft,submitted,accepted'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Submitted' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Accepted' }));
    await waitFor(() => expect(queryOf(requests, COMPARISON).get('status')).toBe('draft'));
    expect((screen.getByRole('checkbox', { name: 'Draft' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('offers the languages the questionnaire is translated into, and asks for labels in the one chosen', async () => {
    const translated = { ...definitionFixture, definition: { ...definitionFixture.definition, title: { default: '2010 follow-up', de: 'Nachbefragung 2010' } } };
    const { requests } = renderWorkbench(TABLE_URL, { [`GET ${A}`]: json(200, translated) });
    await comparisonTable();

    const language = await screen.findByRole('combobox', { name: 'Language' });
    expect(within(language).getAllByRole('option').map((option) => option.textContent)).toEqual(['The questionnaire’s own', 'German']);
    await userEvent.selectOptions(language, 'German');

    await waitFor(() => expect(queryOf(requests, COMPARISON).get('locale')).toBe('de'));
    const downloads = within(await screen.findByRole('region', { name: 'Download' }));
    expect(downloads.getByRole('link', { name: /^Codebook/ }).getAttribute('href')).toBe(`${A}/export/codebook.csv?locale=de`);
  });

  it("links the codebook of the version shown, in the table's language", async () => {
    renderWorkbench('/analysis?survey=national-cooperation&version=1&table=national-coordination&locale=de', {
      'GET /api/surveys/national-cooperation/versions/1/comparison': json(200, comparisonFixture),
    });

    const link = await screen.findByRole('link', { name: /^The codebook of/ });
    expect(link.textContent).toBe('The codebook of National cooperation survey, 2009 (version 1)');
    expect(link.getAttribute('href')).toBe('/analysis/codebook?survey=national-cooperation&version=1&locale=de');
  });

  it('offers no language choice for a questionnaire without translations', async () => {
    renderWorkbench();
    await comparisonTable();
    // The definition has arrived: the picker shows its sections' titles.
    expect(await screen.findByText('C. National coordination')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Language' })).toBeNull();
  });

  it('offers every file of what is on screen, with the same table, statuses and variant', async () => {
    renderWorkbench(`${TABLE_URL}&status=submitted,returned,accepted&for=publication`, { [COMPARISON]: json(200, publicationFixture) });

    const downloads = within(await screen.findByRole('region', { name: 'Download' }));
    const href = (name: string) => downloads.getByRole('link', { name: new RegExp(`^${name}`) }).getAttribute('href');
    const filter = 'table=national-coordination&status=submitted%2Creturned%2Caccepted&for=publication';
    expect(href('Responses, wide, codes')).toBe(`${A}/export/responses.csv?layout=wide&values=codes&${filter}`);
    expect(href('Responses, long, labels')).toBe(`${A}/export/responses.csv?layout=long&values=labels&${filter}`);
    expect(href('Comparison table')).toBe(`${A}/export/comparison.csv?${filter}`);
    expect(href('Summary')).toBe(`${A}/export/summary.csv?${filter}`);
    expect(href('Codebook')).toBe(`${A}/export/codebook.csv`);
    expect(href('Workbook')).toBe(`${A}/export/workbook.xlsx?status=submitted%2Creturned%2Caccepted&for=publication`);
    expect(downloads.getAllByRole('link').every((link) => link.hasAttribute('download'))).toBe(true);

    const scripts = within(screen.getByRole('region', { name: 'Use it from R or pandas' }));
    expect(scripts.getByText(/read\.csv\(url\(/).textContent).toContain(`${window.location.origin}${A}/export/responses.csv?layout=wide&values=codes&${filter}`);
    expect(scripts.getByText(/pd\.read_csv/).textContent).toContain('storage_options={"Authorization": "Bearer <your token>"}');
  });

  it('lets an administrator add personal data to the files that can carry it, and only them', async () => {
    renderWorkbench(TABLE_URL, {}, adminUser);

    const downloads = within(await screen.findByRole('region', { name: 'Download' }));
    const href = (name: string) => downloads.getByRole('link', { name: new RegExp(`^${name}`) }).getAttribute('href');
    expect(href('Responses, wide, codes')).toBe(`${A}/export/responses.csv?layout=wide&values=codes&table=national-coordination`);

    await userEvent.click(downloads.getByRole('checkbox', { name: 'Include personal data' }));
    expect(href('Responses, wide, codes')).toBe(`${A}/export/responses.csv?layout=wide&values=codes&table=national-coordination&personal=include`);
    expect(href('Comparison table')).toBe(`${A}/export/comparison.csv?table=national-coordination&personal=include`);
    expect(href('Workbook')).toBe(`${A}/export/workbook.xlsx?personal=include`);
    // Counts and the codebook hold no answer of a person: they stay as they were.
    expect(href('Summary')).toBe(`${A}/export/summary.csv?table=national-coordination`);
    expect(href('Codebook')).toBe(`${A}/export/codebook.csv`);
  });

  it('offers personal data to nobody but administrators, and never for publication', async () => {
    renderWorkbench();
    const analystDownloads = within(await screen.findByRole('region', { name: 'Download' }));
    expect(analystDownloads.queryByRole('checkbox', { name: 'Include personal data' })).toBeNull();
  });

  it('offers no personal data in the publication variant, even to an administrator', async () => {
    renderWorkbench(`${TABLE_URL}&for=publication`, { [COMPARISON]: json(200, publicationFixture) }, adminUser);
    const downloads = within(await screen.findByRole('region', { name: 'Download' }));
    expect(downloads.queryByRole('checkbox', { name: 'Include personal data' })).toBeNull();
  });

  it('says what the table is updating to, loading first', async () => {
    const answer = deferredResponse();
    renderWorkbench(TABLE_URL, { [COMPARISON]: () => answer.promise });

    expect((await screen.findByText('Loading the comparison…')).closest('[role="status"]')).toBeTruthy();
    answer.resolve(jsonResponse(200, comparisonFixture));
    expect(await comparisonTable()).toBeTruthy();
  });

  it("loads again on request when the server was busy", async () => {
    let calls = 0;
    renderWorkbench(TABLE_URL, {
      [COMPARISON]: () => {
        calls += 1;
        return calls === 1 ? errorResponse(503, 'UNAVAILABLE', 'The server is busy.') : jsonResponse(200, comparisonFixture);
      },
    });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The comparison could not be loaded' })).toBeTruthy();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await comparisonTable()).toBeTruthy();
  });

  it("shows the server's refusal with what to do, and no retry that would only fail again", async () => {
    renderWorkbench(TABLE_URL, { [COMPARISON]: () => errorResponse(404, 'TABLE_NOT_FOUND', 'There is no such named table.') });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('There is no such named table.')).toBeTruthy();
    expect(within(alert).getByText(/Go back and choose again/)).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says when no reply counts yet, and which statuses count', async () => {
    renderWorkbench(TABLE_URL, { [COMPARISON]: json(200, noCountedFixture) });

    expect(await screen.findByRole('heading', { name: 'No counted reply yet' })).toBeTruthy();
    expect(screen.getByText(/Only submitted or accepted replies count/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /the answers of each member state/ })).toBeNull();
  });

  it('asks what to compare before anything is chosen, then shows the named table picked', async () => {
    const { requests, router } = renderWorkbench('/analysis');

    expect(await screen.findByRole('heading', { name: 'Choose what to compare' })).toBeTruthy();
    expect(requests.some((request) => request.url.includes('/comparison'))).toBe(false);
    const select = screen.getByRole('combobox', { name: 'Named table' });
    await waitFor(() => expect((select as HTMLSelectElement).disabled).toBe(false));

    await userEvent.selectOptions(select, 'National coordination structures');

    expect(await comparisonTable()).toBeTruthy();
    expect(router.state.location.search).toBe('?table=national-coordination');
    // The latest version unless the address names one.
    expect(requests.some((request) => request.url.startsWith(`${A}/comparison?table=national-coordination`))).toBe(true);
  });

  it('is open to consultants too, and closed to delegates', async () => {
    renderWorkbench(TABLE_URL, {}, consultantUser);
    expect(await comparisonTable()).toBeTruthy();
  });

  it('tells a delegate it is not for their role', async () => {
    renderWorkbench(TABLE_URL, {}, delegateUser);
    expect(await screen.findByRole('heading', { name: 'This page is not for your role' })).toBeTruthy();
  });
});

describe('The chart and the map', { timeout: 20_000 }, () => {
  it('chart the counts per answer of the first coded question, with a title, "n of N" and the data as a table', async () => {
    renderWorkbench();

    const chart = await screen.findByRole('figure', { name: 'Member states per answer: Is a national action plan in force?' });
    expect(within(chart).getByText('2 of 4 member states answered.')).toBeTruthy();
    const picture = await within(chart).findByRole('img');
    expect(picture.getAttribute('aria-label')).toBe('Bar chart. Yes, a plan is in force: 1; A plan is in preparation: 1; No: 0.');
    expect(picture.querySelectorAll('rect').length).toBeGreaterThanOrEqual(3);
    const data = within(chart).getByRole('table', { name: /Member states per answer/ });
    expect(within(data).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'AnswerMember states',
      'Yes, a plan is in force1',
      'A plan is in preparation1',
      'No0',
    ]);
  });

  it("colour the map of the region by each state's answer, with a legend and the states without one marked", async () => {
    renderWorkbench();

    const map = await screen.findByRole('figure', { name: 'Map: Is a national action plan in force?' });
    const drawing = await within(map).findByRole('img', { name: /^Map of the CBSS member states/ }, { timeout: 15_000 });
    const label = drawing.getAttribute('aria-label')!;
    expect(label).toContain('Estonia: A plan is in preparation');
    expect(label).toContain('Latvia: Yes, a plan is in force');
    expect(label).toContain('Poland: No counted reply');
    expect(label).toContain('Iceland: No counted reply');
    // All eleven member states are drawn, each with its code.
    expect([...drawing.querySelectorAll('text')].map((text) => text.textContent).sort()).toEqual(['DE', 'DK', 'EE', 'FI', 'IS', 'LT', 'LV', 'NO', 'PL', 'RU', 'SE']);
    const legend = within(within(map).getByRole('list', { name: 'Legend' }));
    expect(legend.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Yes, a plan is in force',
      'A plan is in preparation',
      'No',
      'No counted reply',
    ]);
    const data = within(map).getByRole('table', { name: /^Map:/ });
    expect(within(data).getByRole('rowheader', { name: 'Estonia' }).closest('tr')!.textContent).toBe('EstoniaA plan is in preparation');
  });

  it('show a number per state, and say when a question cannot colour the map; the choice is kept in the address', async () => {
    const { router } = renderWorkbench();
    const select = await screen.findByRole('combobox', { name: 'Question to chart and map' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Is a national action plan in force?',
      'How many NGOs specialise in assisting victims?',
      'Who may formally identify a victim?',
    ]);

    await userEvent.selectOptions(select, 'How many NGOs specialise in assisting victims?');
    const numbers = await screen.findByRole('figure', { name: 'Per member state: How many NGOs specialise in assisting victims?' });
    expect((await within(numbers).findByRole('img')).getAttribute('aria-label')).toBe('Bar chart. Estonia: 2.');
    expect(router.state.location.search).toContain('show=specialised_ngo_count');

    await userEvent.selectOptions(select, 'Who may formally identify a victim?');
    expect(await screen.findByText(/This question lets a state tick several answers/)).toBeTruthy();
    expect(screen.queryByRole('figure', { name: /^Map:/ })).toBeNull();
  });
});
