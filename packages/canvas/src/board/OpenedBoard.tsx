import type { ReactNode } from 'react'
import { useValue, type TLStore } from 'tldraw'
import { BOARD_ID_PATTERN } from '@storyloom/shared/api/boards'
import { StatusScreen } from '../app/StatusScreen'
import type { BoardSession } from '../sync/BoardSession'
import { BoardFailure } from './BoardFailure'
import { useBoardRole } from './useBoardRole'
import { useOpenBoard } from './useOpenBoard'

type OpenedBoardProps = {
  boardId: string
  /** The loading screen's title, e.g. "Opening presentation…". */
  opening: string
  /** The page, once the board's content is here. */
  children(session: BoardSession, store: TLStore): ReactNode
}

/**
 * A page of a board without its canvas (Present, Print): opens the board and shows the same
 * refusal and failures as the board itself (a malformed id is not sent to the server), a
 * loading screen until the board's content is here, then the page. The user's role is applied
 * to the session (viewers read only).
 */
export function OpenedBoard({ boardId, opening, children }: OpenedBoardProps) {
  if (!BOARD_ID_PATTERN.test(boardId)) return <BoardFailure reason="not-found" />
  return (
    <OpenBoardSession boardId={boardId} opening={opening}>
      {children}
    </OpenBoardSession>
  )
}

function OpenBoardSession({ boardId, opening, children }: OpenedBoardProps) {
  const session = useOpenBoard(boardId)
  const phase = useValue('board phase', () => session?.phase.get(), [session])
  const access = useBoardRole(session)
  if (access === 'forbidden') return <BoardFailure reason="forbidden" unsentEdits={session?.unsentEdits.waiting.get()} />
  if (phase?.kind === 'failed') return <BoardFailure reason={phase.reason} unsentEdits={phase.unsentEdits} />
  if (!session || phase?.kind !== 'ready') return <StatusScreen busy title={opening} />
  return <>{children(session, phase.store)}</>
}
