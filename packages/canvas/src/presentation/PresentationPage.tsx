import { useValue } from 'tldraw'
import { useLocation } from 'wouter'
import { BOARD_ID_PATTERN } from '@storyloom/shared/api/boards'
import { StatusScreen } from '../app/StatusScreen'
import { BoardFailure } from '../board/BoardFailure'
import { useBoardRole } from '../board/useBoardRole'
import { useOpenBoard } from '../board/useOpenBoard'
import type { BoardSession } from '../sync/BoardSession'
import { Presentation } from './Presentation'
import { PresentationConnectionNotice } from './PresentationConnectionNotice'
import { usePresentationModel } from './usePresentationModel'
import type { TLStore } from 'tldraw'
import { useBoardName } from './useBoardName'
import { TeamShotComments } from '../review/TeamShotComments'

/** `/b/:boardId/present`: the team's presentation of a board, live as the board changes. */
export default function PresentationPage({ boardId }: { boardId: string }) {
  if (!BOARD_ID_PATTERN.test(boardId)) return <BoardFailure reason="not-found" />
  return <OpenPresentation boardId={boardId} />
}

function OpenPresentation({ boardId }: { boardId: string }) {
  const session = useOpenBoard(boardId)
  const phase = useValue('board phase', () => session?.phase.get(), [session])
  // The role decides what the comments beside the shots offer (viewers read only).
  const access = useBoardRole(session)
  if (access === 'forbidden') return <BoardFailure reason="forbidden" />
  if (phase?.kind === 'failed') return <BoardFailure reason={phase.reason} />
  if (!session || phase?.kind !== 'ready') return <StatusScreen busy title="Opening presentation…" />
  return <ReadyPresentation session={session} store={phase.store} />
}

function ReadyPresentation({ session, store }: { session: BoardSession; store: TLStore }) {
  const model = usePresentationModel(store)
  const name = useBoardName(session.boardId)
  const [, navigate] = useLocation()
  return (
    <Presentation
      title={name ?? 'Presentation'}
      model={model}
      store={store}
      mediaUrl={(src) => src}
      onClose={() => navigate(`/b/${session.boardId}`)}
      aside={(shot) => <TeamShotComments session={session} shot={shot} />}
      status={<PresentationConnectionNotice session={session} />}
    />
  )
}
