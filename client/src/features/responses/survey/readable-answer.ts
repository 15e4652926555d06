import type { Model } from 'survey-core';
import { isAnswered } from '@core/answered';

/**
 * An answer as a line of text for the delegate: choice labels instead of codes (through the
 * question's own display value), lists joined, rows and entries spelled out, the "other" text
 * quoted after it.
 */
export function readableAnswer(model: Model, question: string, value: unknown, comment?: unknown): string {
  const other = typeof comment === 'string' && comment !== '' ? ` (“${comment}”)` : '';
  if (!isAnswered(value)) return other ? other.trim() : 'No answer';
  const element = model.getQuestionByName(question);
  const shown: unknown = element ? element.getDisplayValue(true, structuredClone(value)) : value;
  return readable(shown) + other;
}

function readable(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.some((item) => typeof item === 'object' && item !== null)) {
      return value.map((item, index) => `${index + 1}) ${readable(item)}`).join(' ');
    }
    return value.map(readable).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${readable(item)}`)
      .join('; ');
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}
