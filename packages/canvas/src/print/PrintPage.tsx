import { StatusScreen } from '../app/StatusScreen'
import { OpenedBoard } from '../board/OpenedBoard'
import { useBoardMembers } from '../board/useBoardMembers'
import { useBoardName } from '../board/useBoardName'
import type { BoardSession } from '../sync/BoardSession'
import type { TLStore } from 'tldraw'
import { PrintView } from './PrintView'

const OPENING = 'Opening storyboard…'

/** `/b/:boardId/print`: the board's storyboard laid out for the browser's Print (or Save as PDF). Open to anyone who may open the board. */
export default function PrintPage({ boardId }: { boardId: string }) {
  return (
    <OpenedBoard boardId={boardId} opening={OPENING}>
      {(session, store) => <ReadyPrint session={session} store={store} />}
    </OpenedBoard>
  )
}

function ReadyPrint({ session, store }: { session: BoardSession; store: TLStore }) {
  const name = useBoardName(session)
  // Who draws each shot is printed by name: the page waits for the names rather than print "Former member".
  const members = useBoardMembers(session)
  if (members === undefined) return <StatusScreen busy title={OPENING} />
  return <PrintView store={store} name={name} members={members} back={{ href: `/b/${session.boardId}`, label: 'Back to board' }} mediaUrl={(src) => src} />
}
