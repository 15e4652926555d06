import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { messageOf } from '../../../components/form/form-alert';
import { paths } from '../../../config/paths';
import { useMemberStateName } from '../../../api/get-member-states';
import { ROLE_LABELS } from '../../../config/roles';
import type { User } from '../../../types/api';
import { getSignOutNotice } from '../api/session-cache';
import { useSignOut } from '../api/sign-out';
import { useSignOutEverywhere } from '../api/sign-out-everywhere';
import type { SignInNotice } from './sign-in-page';

/** "Delegate · Estonia", "Analyst" */
function useRoleLabel(user: User): string {
  const memberState = user.role === 'delegate' ? user.memberState : null;
  // Until the new password is chosen the server answers nothing else: the code will do.
  const stateName = useMemberStateName(memberState, { enabled: !user.mustChangePassword });
  return stateName ? `${ROLE_LABELS.delegate} · ${stateName}` : ROLE_LABELS[user.role];
}

/**
 * The signed-in person in the header: a button that opens their account links and the ways to
 * sign out. A disclosure, not an ARIA menu: links and buttons in Tab order, Escape closes it.
 */
export function UserMenu({ user }: { user: User }) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOutEverywhere();
  const pending = signOut.isPending || signOutEverywhere.isPending;
  const failure = signOut.error ?? signOutEverywhere.error;
  const roleLabel = useRoleLabel(user);

  // Following one of its links closes it.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: globalThis.PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [open]);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    buttonRef.current?.focus();
  }

  // Runs once the session is cleared, when this menu has left the page: the protected layout
  // makes the same navigation, and this one covers the public pages.
  function goToSignIn() {
    const state: SignInNotice = { notice: getSignOutNotice(queryClient) ?? '' };
    void navigate(paths.signIn.getHref(), { replace: true, state });
  }

  return (
    <div ref={rootRef} className="user-menu" onKeyDown={closeOnEscape}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">Account: </span>
        <span className="user-menu__name">{user.name}</span>
        <span className="user-menu__role">{roleLabel}</span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__who">
          Signed in as <strong>{user.email}</strong>
        </p>
        <ul className="user-menu__links">
          {!user.mustChangePassword && (
            <li>
              <Link to={paths.apiTokens.getHref()}>My API tokens</Link>
            </li>
          )}
          <li>
            <Link to={paths.changePassword.getHref()}>Change password</Link>
          </li>
        </ul>
        {failure && (
          <p className="user-menu__error" role="alert">
            {messageOf(failure)}
          </p>
        )}
        <div className="user-menu__actions">
          <button
            type="button"
            className="button button--small"
            disabled={pending}
            onClick={() => void signOut.mutateAsync().then(goToSignIn, ignore)}
          >
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
          {!user.mustChangePassword && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={pending}
              onClick={() => void signOutEverywhere.mutateAsync().then(goToSignIn, ignore)}
            >
              {signOutEverywhere.isPending ? 'Signing out everywhere…' : 'Sign out everywhere'}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** A failure is shown from the mutation's state; the promise needs no handling of its own. */
function ignore() {}
