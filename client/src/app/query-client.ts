import { meQueryKey } from '../features/auth/api/get-me';
import { createQueryClient } from '../lib/query-client';

/**
 * The application's query cache. When any request finds the session ended, asking "who is signed
 * in?" again lets the protected layout send the person to the sign-in page (and back afterwards).
 */
export function createAppQueryClient() {
  return createQueryClient({ onSessionOutdated: (client) => void client.invalidateQueries({ queryKey: meQueryKey }) });
}
