import type { ReactNode } from 'react';
import { InlineAction } from './inline-action';

interface PromptActionProps {
  /** The button that opens it, e.g. "Return to the delegates". */
  children: ReactNode;
  title: string;
  label: string;
  requiredMessage: string;
  confirmLabel: string;
  pendingLabel: string;
  details?: ReactNode;
  onConfirm: (text: string) => Promise<unknown>;
}

/** An inline action that asks for a few words, a message or a reason (see inline-action.tsx). */
export function PromptAction({ title, label, requiredMessage, details, ...rest }: PromptActionProps) {
  return <InlineAction {...rest} ask={{ kind: 'text', title, label, requiredMessage, details }} />;
}
