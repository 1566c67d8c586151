import type { TLStore } from 'tldraw'
import { OpenedBoard } from '../../board/OpenedBoard'
import { useBoardName } from '../../board/useBoardName'
import type { BoardSession } from '../../sync/BoardSession'
import { ReviewNotesView } from './ReviewNotesView'

/**
 * `/b/:boardId/review-notes`: the client's review notes laid out for the browser's Print (or
 * Save as PDF). Open to anyone who may open the board and read its comments (viewers too), as
 * the printed storyboard is; not to a review link.
 */
export default function ReviewNotesPage({ boardId }: { boardId: string }) {
  return (
    <OpenedBoard boardId={boardId} opening="Opening review notes…">
      {(session, store) => <ReadyNotes session={session} store={store} />}
    </OpenedBoard>
  )
}

function ReadyNotes({ session, store }: { session: BoardSession; store: TLStore }) {
  const name = useBoardName(session)
  return <ReviewNotesView session={session} store={store} name={name} />
}
