import { useLocation } from 'wouter'
import { OpenedBoard } from '../board/OpenedBoard'
import type { BoardSession } from '../sync/BoardSession'
import { Presentation } from './Presentation'
import { PresentationConnectionNotice } from './PresentationConnectionNotice'
import { usePresentationModel } from './usePresentationModel'
import { hashWithShot, shotIdFromUrl } from './shotInUrl'
import { useValue, type TLStore } from 'tldraw'
import { canEditDoc } from '@storyloom/shared/access/roles'
import { useBoardName } from '../board/useBoardName'
import { useDocumentTitle } from '../board/useDocumentTitle'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { TeamShotComments } from '../review/TeamShotComments'
import { ShotGridMarks } from '../review/ShotGridMarks'
import { ExportVideoButton } from '../animatic/ExportVideoButton'

/** `/b/:boardId/present`: the team's presentation of a board, live as the board changes. */
export default function PresentationPage({ boardId }: { boardId: string }) {
  return (
    <OpenedBoard boardId={boardId} opening="Opening presentation…">
      {(session, store) => <ReadyPresentation session={session} store={store} />}
    </OpenedBoard>
  )
}

function ReadyPresentation({ session, store }: { session: BoardSession; store: TLStore }) {
  const model = usePresentationModel(store)
  const name = useBoardName(session)
  // Named as the board's tab is: what a call's "share a tab" list and the tab bar show while presenting.
  useDocumentTitle(name === undefined ? undefined : `${isolatedName(name)} · Present · Storyloom`)
  const [, navigate] = useLocation()
  // Viewers and commenters present; editors and owners may also retime the shots (Time to sound).
  const canRetime = useValue('may retime', () => {
    const role = session.role.get()
    return role !== undefined && canEditDoc(role)
  }, [session])
  return (
    <Presentation
      audience="team"
      title={name === undefined ? 'Presentation' : <bdi>{name}</bdi>}
      model={model}
      store={store}
      mediaUrl={(src) => src}
      onClose={() => navigate(`/b/${session.boardId}${backToShot()}`)}
      aside={(shot) => <TeamShotComments session={session} shot={shot} />}
      // Each card in the grid says how many comment threads its shot has open and which carry drawings, as the client's does.
      cardMarks={(shot) => <ShotGridMarks session={session} shotId={shot.id} />}
      status={<PresentationConnectionNotice session={session} />}
      actions={<ExportVideoButton store={store} boardName={name} mediaUrl={(src) => src} />}
      room={session}
      canRetime={canRetime}
    />
  )
}

/** The hash that takes the board back to the shot on screen (kept in the URL by the presentation). */
function backToShot(): string {
  const shotId = shotIdFromUrl(location.hash)
  return shotId ? hashWithShot('', shotId) : ''
}
