import type { ReactNode } from 'react';
import { InlineAction } from './inline-action';

interface ConfirmActionProps {
  /** The button that starts it, e.g. "Revoke". */
  children: ReactNode;
  /** What will happen, asked before it happens. */
  question: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: () => Promise<unknown>;
  destructive?: boolean;
}

/** An inline action that asks a yes or no (see inline-action.tsx). */
export function ConfirmAction({ question, onConfirm, ...rest }: ConfirmActionProps) {
  return <InlineAction {...rest} ask={{ kind: 'confirm', question }} onConfirm={() => onConfirm()} />;
}
