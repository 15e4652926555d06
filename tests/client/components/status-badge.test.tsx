import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBadge, type BadgeStatus } from '../../../client/src/components/status-badge';

describe('StatusBadge', () => {
  it.each<[BadgeStatus, string]>([
    ['not_started', 'Not started'],
    ['draft', 'Draft'],
    ['submitted', 'Submitted'],
    ['returned', 'Returned'],
    ['accepted', 'Accepted'],
    ['open', 'Open'],
    ['closed', 'Closed'],
  ])('names the status %s in words', (status, label) => {
    render(<StatusBadge status={status} />);

    expect(screen.getByText(label)).toBeTruthy();
  });
});
