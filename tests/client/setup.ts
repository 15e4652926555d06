import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setCsrfToken } from '../../client/src/lib/api-client';

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
  // The CSRF token lives in the API client's module, which every test file shares.
  setCsrfToken(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
