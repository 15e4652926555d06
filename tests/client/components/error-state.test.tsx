import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorState } from '../../../client/src/components/feedback/error-state';
import { ApiError } from '../../../client/src/lib/api-client';

describe('ErrorState', () => {
  it("shows an ApiError's message under the title, as an alert", () => {
    render(<ErrorState error={new ApiError(409, 'RESPONSE_LOCKED', 'This response is locked.')} title="Not saved" />);

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Not saved');
    expect(alert.textContent).toContain('This response is locked.');
  });

  it('adds what to do about a 401', () => {
    render(<ErrorState error={new ApiError(401, 'UNAUTHENTICATED', 'Sign in to continue.')} />);

    expect(screen.getByText(/sign in, then try again/i)).toBeTruthy();
  });

  it('does not show the internals of an unexpected error', () => {
    render(<ErrorState error={new TypeError("Cannot read properties of undefined (reading 'x')")} />);

    expect(screen.queryByText(/cannot read properties/i)).toBeNull();
    expect(screen.getByText(/something unexpected happened/i)).toBeTruthy();
  });

  it('offers no retry for a refusal that asking again cannot change (no such reply)', () => {
    render(<ErrorState error={new ApiError(404, 'NOT_FOUND', 'There is no such response.')} onRetry={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByText(/link may be out of date/)).toBeTruthy();
  });

  it('offers a retry only when it can retry, and waits while retrying', async () => {
    const onRetry = vi.fn();
    const { rerender } = render(<ErrorState error={new ApiError(503, 'UNAVAILABLE', 'Busy.')} />);
    expect(screen.queryByRole('button')).toBeNull();

    rerender(<ErrorState error={new ApiError(503, 'UNAVAILABLE', 'Busy.')} onRetry={onRetry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);

    rerender(<ErrorState error={new ApiError(503, 'UNAVAILABLE', 'Busy.')} onRetry={onRetry} isRetrying />);
    expect((screen.getByRole('button', { name: 'Trying again…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
