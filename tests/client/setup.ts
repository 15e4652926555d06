import { cleanup, configure } from '@testing-library/react';
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

// The reply page loads SurveyJS in a lazy chunk, which takes over a second on a busy machine: a
// find… waiting for what it renders first must not give up at Testing Library's default 1 s.
configure({ asyncUtilTimeout: 5000 });

// Vitest runs without globals, so Testing Library cannot register its own clean-up.
afterEach(() => {
  cleanup();
  // The CSRF token lives in the API client's module, which every test file shares.
  setCsrfToken(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
