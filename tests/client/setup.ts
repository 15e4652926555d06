import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Browser APIs that jsdom lacks. Layout is not what the client tests check: an observer that
// never fires (SurveyJS's components create one on mount) and a scroll that does nothing will do.
class InertResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= InertResizeObserver;
window.scrollTo = () => {};

// Vitest runs without globals, so Testing Library cannot register its own clean-up.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
