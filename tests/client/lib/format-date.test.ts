import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../../client/src/lib/format-date';

describe('formatDate', () => {
  it('writes the day, the month in words and the year', () => {
    expect(formatDate('2025-03-03T12:00:00Z')).toBe('3 March 2025');
  });

  it('gives an empty string for something that is not a date', () => {
    expect(formatDate('soon')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('writes the date as formatDate does, with the time of day', () => {
    expect(formatDateTime('2025-03-03T12:00:00Z')).toMatch(/^3 March 2025 at \d{2}:\d{2}$/);
  });

  it('gives an empty string for something that is not a date', () => {
    expect(formatDateTime('soon')).toBe('');
  });
});
