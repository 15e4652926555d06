import { useId, type ReactNode } from 'react';

interface PictureFrameProps {
  /** What the picture shows, as a heading. */
  title: string;
  /** A sentence under the title: how many answered, what the colours mean. */
  subtitle?: ReactNode;
  /** The picture itself. */
  children: ReactNode;
  /** The same data as a table, for screen readers and anyone who wants the numbers. */
  data: ReactNode;
}

/** A chart or map with its title, and its data as a table one click away. */
export function PictureFrame({ title, subtitle, children, data }: PictureFrameProps) {
  const titleId = useId();
  return (
    <figure className="picture" aria-labelledby={titleId}>
      <h4 id={titleId} className="picture__title">
        {title}
      </h4>
      {subtitle && <p className="picture__subtitle">{subtitle}</p>}
      {children}
      <details className="picture__data">
        <summary>The data as a table</summary>
        {data}
      </details>
    </figure>
  );
}
