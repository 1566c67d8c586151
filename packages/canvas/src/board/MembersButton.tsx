import { useDialogs, useValue } from 'tldraw'
import { useAccount } from '../account/SessionContext'
import { useBoardSession } from './BoardSessionContext'
import { MembersDialog } from './MembersDialog'

/** Opens the members dialog. Only with accounts: in local mode there is nobody to invite. */
export function MembersButton() {
  const { session: account } = useAccount()
  const session = useBoardSession()
  const role = useValue('my board role', () => session.role.get(), [session])
  const { addDialog } = useDialogs()
  if (account?.mode !== 'accounts' || !role) return null
  return (
    <button
      type="button"
      className="button button--quiet board-members-button"
      onClick={() => addDialog({ component: MembersDialog })}
      title={role === 'owner' ? 'Invite people and change their roles' : 'See who is on this board'}
    >
      {role === 'owner' ? 'Share' : 'Members'}
      {role !== 'owner' && role !== 'editor' && <span className="board-members-button__role"> · {role}</span>}
    </button>
  )
}
