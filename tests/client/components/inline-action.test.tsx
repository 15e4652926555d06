import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmAction } from '../../../client/src/components/confirm-action';
import { InlineAction } from '../../../client/src/components/inline-action';
import { PromptAction } from '../../../client/src/components/prompt-action';
import { ApiError } from '../../../client/src/lib/api-client';

describe('InlineAction', () => {
  it('asks a yes or no in place of its button, and Cancel or Escape puts the focus back on the button', async () => {
    const onConfirm = vi.fn(async () => undefined);
    render(
      <InlineAction ask={{ kind: 'confirm', question: 'Revoke the token?' }} confirmLabel="Revoke" pendingLabel="Revoking…" onConfirm={onConfirm}>
        Revoke…
      </InlineAction>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Revoke…' }));
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Revoke the token?' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Revoke…' })));

    await userEvent.click(screen.getByRole('button', { name: 'Revoke…' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Revoke…' })));
    expect(onConfirm).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Revoke…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(onConfirm).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('group')).toBeNull());
  });

  it('asks for a few words: blank is refused, the text goes trimmed, and a refusal stays inside with the text', async () => {
    const onConfirm = vi.fn<(text: string) => Promise<unknown>>().mockRejectedValueOnce(new ApiError(409, 'INVALID_TRANSITION', 'The reply was already accepted.')).mockResolvedValue(undefined);
    render(
      <PromptAction title="Return the reply" label="Message to the delegates" requiredMessage="Write a message." confirmLabel="Return" pendingLabel="Returning…" onConfirm={onConfirm}>
        Return…
      </PromptAction>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Return…' }));
    const dialog = screen.getByRole('dialog', { name: 'Return the reply' });
    expect(document.activeElement).toBe(screen.getByLabelText('Message to the delegates'));
    await userEvent.click(screen.getByRole('button', { name: 'Return' }));
    expect(screen.getByText('Write a message.')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Message to the delegates'), '  Check the figures.  ');
    await userEvent.click(screen.getByRole('button', { name: 'Return' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'The reply was already accepted.');
    expect(dialog.isConnected).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Return' }));
    expect(onConfirm).toHaveBeenLastCalledWith('Check the figures.');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('is what ConfirmAction is: a destructive yes or no in red', async () => {
    render(
      <ConfirmAction question="Remove Kadri?" confirmLabel="Remove" pendingLabel="Removing…" destructive onConfirm={async () => undefined}>
        Remove
      </ConfirmAction>,
    );
    expect(screen.getByRole('button', { name: 'Remove' }).className).toContain('button--danger-outline');
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.getByRole('group', { name: 'Remove Kadri?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove' }).className).toContain('button--danger');
  });
});
