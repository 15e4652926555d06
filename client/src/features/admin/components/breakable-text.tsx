import { Fragment } from 'react';

/**
 * An e-mail address or a target (`national-cooperation/2/EE`) that may wrap in a narrow table
 * column only where a reader expects it — after "@", before a dot, after a slash — never in the
 * middle of a word (`maria.tamm@sisemini|steerium.ee`).
 */
export function BreakableText({ text }: { text: string }) {
  const parts = text.split(/(?<=[@/])|(?=[.])/);
  return (
    <span className="breakable-text">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
