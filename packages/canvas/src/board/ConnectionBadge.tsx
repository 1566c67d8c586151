import { useValue } from 'tldraw'
import type { ConnectionState } from '../sync/BoardSession'
import { useBoardSession } from './BoardSessionContext'

const LABELS: Record<ConnectionState, { label: string; detail: string }> = {
  connected: { label: 'Live', detail: 'Connected: changes are shared as you make them.' },
  connecting: { label: 'Connecting…', detail: 'Connecting to the Storyloom server.' },
  offline: {
    label: 'Offline',
    detail: 'Changes are kept on this device and sync when the connection returns.',
  },
}

/** Whether edits are reaching everyone else right now. */
export function ConnectionBadge() {
  const session = useBoardSession()
  const state = useValue('connection', () => session.connection.get(), [session])
  const { label, detail } = LABELS[state]
  return (
    <div className="connection-badge" data-state={state} title={detail} role="status" aria-live="polite">
      <span className="connection-badge__dot" aria-hidden />
      <span className="connection-badge__text">
        <span className="connection-badge__label">{label}</span>
        {state === 'offline' && <span className="connection-badge__detail">{detail}</span>}
      </span>
    </div>
  )
}
