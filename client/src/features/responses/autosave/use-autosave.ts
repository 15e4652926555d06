import { useEffect, useSyncExternalStore } from 'react';
import type { SaveSnapshot, SaveStore } from './save-store';

const noSubscription = () => () => {};
const noSnapshot = () => null;

/**
 * Runs a save store while the page is open: records the delegate's changes, saves before the tab
 * is hidden or closed, sends again when the connection returns, and warns before leaving only
 * when changes would be lost (on the way and not kept in the browser). Leaving the page (a
 * reload, closing the tab) stops it, so that what it kept is taken over at once by the reloaded
 * page or another tab; back from the browser's back-forward cache, it starts again. Returns its state.
 */
export function useAutosave(store: SaveStore | null, watch: (onChange: (key: string, value: unknown) => void) => () => void): SaveSnapshot | null {
  useEffect(() => {
    if (!store) return;
    const unwatch = watch(store.record);
    const flush = () => void store.flush();
    const leave = () => {
      flush();
      store.stop();
    };
    const comeBack = (event: PageTransitionEvent) => {
      if (event.persisted) store.resume();
    };
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const warnIfLost = (event: BeforeUnloadEvent) => {
      const { hasUnsavedChanges, storedLocally } = store.getSnapshot();
      if (hasUnsavedChanges && !storedLocally) event.preventDefault();
    };
    window.addEventListener('online', store.retry);
    window.addEventListener('pagehide', leave);
    window.addEventListener('pageshow', comeBack);
    window.addEventListener('beforeunload', warnIfLost);
    document.addEventListener('visibilitychange', flushWhenHidden);
    store.resume();
    return () => {
      unwatch();
      window.removeEventListener('online', store.retry);
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('pageshow', comeBack);
      window.removeEventListener('beforeunload', warnIfLost);
      document.removeEventListener('visibilitychange', flushWhenHidden);
      // Leaving the page within the app: what waits for the debounce goes now.
      flush();
      store.stop();
    };
  }, [store, watch]);

  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? noSnapshot);
}
