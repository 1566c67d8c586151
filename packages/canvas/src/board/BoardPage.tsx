import { BOARD_ID_PATTERN } from '@storyloom/shared/api/boards'
import { BoardFailure } from './BoardFailure'
import { OpenBoard } from './OpenBoard'

/** `/b/:boardId`. A malformed id cannot name a board, so it is not sent to the server at all. */
export default function BoardPage({ boardId }: { boardId: string }) {
  return BOARD_ID_PATTERN.test(boardId) ? <OpenBoard boardId={boardId} /> : <BoardFailure reason="not-found" />
}
