import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Moves the focus to a form's first invalid control once its error is on screen (so that screen
 * readers read the error with the control). Call the returned function after setting errors.
 */
export function useFocusFirstInvalid(): [RefObject<HTMLFormElement | null>, () => void] {
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  return [formRef, () => setAttempt((n) => n + 1)];
}
