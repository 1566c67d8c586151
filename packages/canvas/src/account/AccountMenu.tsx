import { useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { Link } from 'wouter'
import { signOut } from '../api/accountsApi'
import { forgetAllLocalCopies } from './forgetAllLocalCopies'
import { useAccount } from './SessionContext'

/**
 * The signed-in person's name, their account page (for the admin: every account), and signing out (which also forgets this browser's offline board
 * copies). Nothing in local mode. The menu is rendered into the page body, above the canvas's
 * own panels, whose stacking it could not escape from inside them.
 */
export function AccountMenu() {
  const { session, refresh } = useAccount()
  const [anchor, setAnchor] = useState<DOMRect>()
  const button = useRef<HTMLButtonElement>(null)
  const user = session?.user
  if (!user) return null
  const close = () => setAnchor(undefined)
  return (
    <div className="account-menu">
      <button
        ref={button}
        type="button"
        className="button button--quiet account-menu__button"
        aria-expanded={anchor !== undefined}
        aria-haspopup="menu"
        onClick={() => setAnchor(anchor ? undefined : button.current?.getBoundingClientRect())}
        title={user.email}
      >
        <bdi>{user.name}</bdi>
      </button>
      {anchor &&
        createPortal(
          <div
            className="account-menu__popup"
            role="menu"
            style={{ top: anchor.bottom + 4, right: Math.max(8, window.innerWidth - anchor.right) }}
            onKeyDown={(e) => e.key === 'Escape' && close()}
          >
            <p className="account-menu__email">
              {user.email}
              {user.isAdmin && <span className="account-menu__badge">admin</span>}
            </p>
            <Link href="/account" role="menuitem" className="button" onClick={close}>
              {user.isAdmin ? 'Accounts' : 'Account settings'}
            </Link>
            <button
              type="button"
              role="menuitem"
              className="button"
              onClick={() => {
                void signOut()
                  .then(forgetAllLocalCopies)
                  .finally(() => {
                    close()
                    void refresh()
                  })
              }}
            >
              Sign out
            </button>
          </div>,
          document.body,
        )}
    </div>
  )
}
