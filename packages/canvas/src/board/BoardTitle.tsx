import { Link } from 'wouter'
import { useValue } from 'tldraw'
import { canEditDoc } from '@storyloom/shared/access/roles'
import { useBoardName } from './useBoardName'
import { useBoardSession } from './BoardSessionContext'
import { useDocumentTitle } from './useDocumentTitle'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { BoardTitleName } from './BoardTitleName'
import { useTopBarLayout } from './topBarLayout'

/** tldraw's top-centre slot: the board's name (renamed in place by editors and owners) and the way back to the list. */
export function BoardTitle() {
  const session = useBoardSession()
  // Live: a rename anywhere reaches open pages as a notice (see BoardSession).
  const name = useBoardName(session)
  // The server's rule for renaming (PATCH /api/boards/:id needs an editor); unknown (offline) shows plain text.
  const role = useValue('board role', () => session.role.get(), [session])
  // On a phone the way back is the logo alone: the board's name gets the room.
  const phone = useTopBarLayout() === 'phone'

  useDocumentTitle(name === undefined ? undefined : `${isolatedName(name)} · Storyloom`)

  return (
    <nav className="board-title floating-surface" data-compact={phone || undefined} aria-label="Board">
      <Link href="/" className="board-title__home" title="All boards">
        <img src="/favicon.svg" alt="" width={18} height={18} />
        <span className={phone ? 'visually-hidden' : undefined}>Boards</span>
      </Link>
      {name && (
        <>
          <span className="board-title__sep" aria-hidden>
            /
          </span>
          {role !== undefined && canEditDoc(role) ? (
            <BoardTitleName session={session} name={name} />
          ) : (
            <span className="board-title__name"><bdi>{name}</bdi></span>
          )}
        </>
      )}
    </nav>
  )
}
