import { Link } from 'wouter'
import { useBoardSession } from '../board/BoardSessionContext'

/** Opens the board's presentation (its own URL, so it can be shared with the team). */
export function PresentButton() {
  const session = useBoardSession()
  return (
    <Link href={`/b/${session.boardId}/present`} className="board-present-button" title="Play the board as an animatic">
      Present
    </Link>
  )
}
