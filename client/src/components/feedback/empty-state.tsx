import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  /** What the emptiness means, and what (if anything) will fill it. */
  children?: ReactNode;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="state state--empty">
      <h2 className="state__title">{title}</h2>
      {children && <p>{children}</p>}
    </div>
  );
}
