import { useEffect, useState } from 'react'
import { Link } from 'wouter'
import { getBoard } from '../api/boardsApi'
import { useBoardSession } from './BoardSessionContext'

/** tldraw's top-centre slot: the board's name and the way back to the list. */
export function BoardTitle() {
  const session = useBoardSession()
  const [name, setName] = useState<string>()

  useEffect(() => {
    const abort = new AbortController()
    // Offline, the name is simply not shown; the board itself comes from this device.
    getBoard(session.boardId, abort.signal).then(
      (board) => {
        setName(board.name)
        document.title = `${board.name} · Storyloom`
      },
      () => {},
    )
    return () => {
      abort.abort()
      document.title = 'Storyloom'
    }
  }, [session])

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
          <span className="board-title__name">{name}</span>
        </>
      )}
    </nav>
  )
}
