import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UseQueryResult } from '@tanstack/react-query';
import { queryView } from '../../../client/src/components/feedback/query-view';
import { ApiError } from '../../../client/src/lib/api-client';

const texts = { loading: 'Loading the people…', errorTitle: 'The people could not be loaded', empty: { title: 'Nobody yet', body: 'People appear here.' } };
const query = (state: Partial<UseQueryResult<string[]>>) => state as UseQueryResult<string[]>;

function show(view: ReturnType<typeof queryView<string[]>>) {
  render('element' in view ? view.element : <p>{view.data.join(', ')}</p>);
}

describe('queryView', () => {
  it('announces loading', () => {
    show(queryView(query({ isPending: true, isError: false }), texts));
    expect(screen.getByRole('status').textContent).toContain('Loading the people…');
  });

  it('shows the server message with a retry that refetches', async () => {
    const refetch = vi.fn();
    const error = new ApiError(500, 'INTERNAL_ERROR', 'Something went wrong on our side.');
    show(queryView(query({ isPending: false, isError: true, error, refetch, isFetching: false }), texts));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The people could not be loaded');
    expect(alert.textContent).toContain('Something went wrong on our side.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledOnce();
  });

  it('offers no retry for a refusal, and says what was refused and what to do', () => {
    const error = new ApiError(422, 'INVALID_FILTER', 'A query parameter has a value this route cannot use.', [
      { parameter: 'questions', message: 'this questionnaire version has no such question', value: 'no_such' },
    ]);
    show(queryView(query({ isPending: false, isError: true, error, refetch: vi.fn(), isFetching: false }), texts));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('questions (“no_such”): this questionnaire version has no such question');
    expect(alert.textContent).toContain('Change what is named above');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('explains an empty list, and hands over data otherwise', () => {
    show(queryView(query({ isPending: false, isError: false, data: [] }), texts));
    expect(screen.getByRole('heading', { name: 'Nobody yet' })).toBeTruthy();
    const view = queryView(query({ isPending: false, isError: false, data: ['Anna', 'Jaan'] }), texts);
    expect(view).toEqual({ data: ['Anna', 'Jaan'] });
  });
});
