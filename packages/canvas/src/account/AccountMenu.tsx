import { useState } from 'react'
import { signOut } from '../api/accountsApi'
import { useAccount } from './SessionContext'

/** The signed-in person's name, and signing out. Nothing in local mode. */
export function AccountMenu() {
  const { session, refresh } = useAccount()
  const [open, setOpen] = useState(false)
  const user = session?.user
  if (!user) return null
  return (
    <div className="account-menu">
      <button
        type="button"
        className="button button--quiet account-menu__button"
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={() => setOpen(!open)}
        title={user.email}
      >
        {user.name}
      </button>
      {open && (
        <div className="account-menu__popup" role="menu">
          <p className="account-menu__email">
            {user.email}
            {user.isAdmin && <span className="account-menu__badge">admin</span>}
          </p>
          <button
            type="button"
            role="menuitem"
            className="button"
            onClick={() => {
              void signOut().finally(() => {
                setOpen(false)
                void refresh()
              })
            }}
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  )
}
