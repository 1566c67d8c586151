import { useValue } from 'tldraw'
import { Link } from 'wouter'
import { useClientConfig } from '../api/clientConfig'
import { StatusScreen } from '../app/StatusScreen'
import { BoardCanvas } from './BoardCanvas'
import { BoardFailure } from './BoardFailure'
import { useBoardRole } from './useBoardRole'
import { useOpenBoard } from './useOpenBoard'

/** Opens a board and shows it once its content is here (from the server or this device), or says why not. */
export function OpenBoard({ boardId }: { boardId: string }) {
  const session = useOpenBoard(boardId)
  const config = useClientConfig()
  const phase = useValue('board phase', () => session?.phase.get(), [session])
  const access = useBoardRole(session)

  if (access === 'forbidden') return <BoardFailure reason="forbidden" unsentEdits={session?.unsentEdits.waiting.get()} />
  if (phase?.kind === 'failed') return <BoardFailure reason={phase.reason} unsentEdits={phase.unsentEdits} />

  if (!session || !config || phase?.kind !== 'ready') {
    const offline = phase?.kind === 'loading' && phase.offlineWithoutLocalCopy
    return (
      <StatusScreen
        busy
        title={offline ? 'Waiting for the server…' : 'Opening board…'}
        message={
          offline
            ? 'Cannot reach the Storyloom server, and this board is not saved on this device yet. It opens as soon as the connection returns.'
            : undefined
        }
      >
        {offline && (
          <Link href="/" className="button">
            Back to boards
          </Link>
        )}
      </StatusScreen>
    )
  }

  return <BoardCanvas session={session} store={phase.store} config={config} />
}
