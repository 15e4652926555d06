import { useEffect, useReducer } from 'react';
import type { Model } from 'survey-core';

/**
 * Re-renders when what the page shows around the questionnaire may have changed: the current
 * page, the answers (progress, pages shown by visibleIf), the language.
 */
export function useModelChanges(model: Model): void {
  const [, changed] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    const handler = () => changed();
    model.onCurrentPageChanged.add(handler);
    model.onValueChanged.add(handler);
    model.onPageVisibleChanged.add(handler);
    model.onLocaleChangedEvent.add(handler);
    return () => {
      model.onCurrentPageChanged.remove(handler);
      model.onValueChanged.remove(handler);
      model.onPageVisibleChanged.remove(handler);
      model.onLocaleChangedEvent.remove(handler);
    };
  }, [model]);
}
