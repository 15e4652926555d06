/**
 * Which browser tab this is, so that each tab keeps its own unsent changes. The id lives in
 * sessionStorage: a reload of the tab finds it again, another tab has its own. "Duplicate tab"
 * copies sessionStorage, so an id can turn out to be another open tab's too: `replace` then gives
 * this tab a new one.
 */
export interface TabIdentity {
  current(): string;
  replace(): string;
}

const TAB_ID_KEY = 'ncs:tab-id';

/** Without sessionStorage the id lasts as long as the page: a reload is then another tab. */
let pageTabId: string | null = null;

export function sessionTabIdentity(session: Storage | null): TabIdentity {
  function stored(): string | null {
    try {
      return session?.getItem(TAB_ID_KEY) ?? null;
    } catch {
      return null;
    }
  }
  function save(id: string): string {
    try {
      if (session) {
        session.setItem(TAB_ID_KEY, id);
        return id;
      }
    } catch {
      // Kept for this page load below.
    }
    pageTabId = id;
    return id;
  }
  return {
    current: () => stored() ?? pageTabId ?? save(randomId()),
    replace: () => save(randomId()),
  };
}

/** Random enough to tell tabs and page visits apart (`crypto.randomUUID` needs a secure context, this does not). */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
