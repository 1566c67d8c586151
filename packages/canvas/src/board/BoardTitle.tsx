import { Link } from 'wouter'
import { useBoardName } from './useBoardName'
import { useBoardSession } from './BoardSessionContext'
import { useDocumentTitle } from './useDocumentTitle'
import { isolatedName } from '@storyloom/shared/api/typedName'

/** tldraw's top-centre slot: the board's name and the way back to the list. */
export function BoardTitle() {
  const session = useBoardSession()
  // Live: a rename anywhere reaches open pages as a notice (see BoardSession).
  const name = useBoardName(session)

  useDocumentTitle(name === undefined ? undefined : `${isolatedName(name)} · Storyloom`)

  return (
    <nav className="board-title" aria-label="Board">
      <Link href="/" className="board-title__home" title="All boards">
        <img src="/favicon.svg" alt="" width={18} height={18} />
        <span>Boards</span>
      </Link>
      {name && (
        <>
          <span className="board-title__sep" aria-hidden>
            /
          </span>
          <span className="board-title__name"><bdi>{name}</bdi></span>
        </>
      )}
    </nav>
  )
}
