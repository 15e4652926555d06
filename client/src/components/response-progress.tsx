import './response-progress.css';

/** How much of a reply is answered, as a bar and in words (the bar alone says nothing to some readers). */
export function ResponseProgress({ share }: { share: number }) {
  const percent = Math.round(share * 100);
  return (
    <span className="response-progress">
      <progress className="response-progress__bar" max={100} value={percent} aria-label="Answered" />
      <span>{percent}% answered</span>
    </span>
  );
}
