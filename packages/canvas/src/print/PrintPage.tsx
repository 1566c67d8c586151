import { OpenedBoard } from '../board/OpenedBoard'
import { useBoardName } from '../board/useBoardName'
import type { BoardSession } from '../sync/BoardSession'
import type { TLStore } from 'tldraw'
import { PrintView } from './PrintView'

/** `/b/:boardId/print`: the board's storyboard laid out for the browser's Print (or Save as PDF). Open to anyone who may open the board. */
export default function PrintPage({ boardId }: { boardId: string }) {
  return (
    <OpenedBoard boardId={boardId} opening="Opening storyboard…">
      {(session, store) => <ReadyPrint session={session} store={store} />}
    </OpenedBoard>
  )
}

function ReadyPrint({ session, store }: { session: BoardSession; store: TLStore }) {
  const name = useBoardName(session)
  return <PrintView store={store} name={name} back={{ href: `/b/${session.boardId}`, label: 'Back to board' }} mediaUrl={(src) => src} />
}
