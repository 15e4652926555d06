/**
 * Runs `work` once the browser has painted and is idle (at the latest after `timeoutMs`), and
 * returns how to cancel it. Where requestIdleCallback is missing (Safari), after two frames.
 */
export function whenIdle(work: () => void, timeoutMs = 1_000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  let frame = window.requestAnimationFrame(() => {
    frame = window.requestAnimationFrame(() => {
      timer = window.setTimeout(work, 0);
    });
  });
  let timer: number | undefined;
  return () => {
    window.cancelAnimationFrame(frame);
    if (timer !== undefined) window.clearTimeout(timer);
  };
}
