import { useValue } from 'tldraw'
import type { ConnectionState } from '../sync/BoardSession'
import { useBoardSession } from './BoardSessionContext'
import { useTopBarLayout } from './topBarLayout'

const LABELS: Record<ConnectionState, { label: string; detail: string }> = {
  connected: { label: 'Live', detail: 'Connected: changes are shared as you make them.' },
  connecting: { label: 'Connecting…', detail: 'Connecting to the Storyloom server.' },
  offline: {
    label: 'Offline',
    detail: 'Changes are kept on this device and sync when the connection returns.',
  },
}
/** The offline detail once something made on this device is waiting to be sent. */
const WAITING_DETAIL = 'Edits waiting to be sent: kept on this device, they sync when the connection returns.'

/**
 * Whether edits are reaching everyone else right now, and offline whether any made here wait to be sent. On a phone, Live is its green dot alone and
 * Offline its word alone, without the dot (the detail stays in the title and is still announced).
 */
export function ConnectionBadge() {
  const session = useBoardSession()
  const state = useValue('connection', () => session.connection.get(), [session])
  const waiting = useValue('unsent edits', () => session.unsentEdits.waiting.get(), [session])
  const { label } = LABELS[state]
  const detail = state === 'offline' && waiting ? WAITING_DETAIL : LABELS[state].detail
  const phone = useTopBarLayout() === 'phone'
  return (
    <div className="connection-badge" data-state={state} data-compact={phone || undefined} title={detail} role="status" aria-live="polite">
      <span className="connection-badge__dot" aria-hidden />
      <span className="connection-badge__text">
        <span className={phone && state === 'connected' ? 'connection-badge__label visually-hidden' : 'connection-badge__label'}>{label}</span>
        {state === 'offline' && <span className={phone ? 'connection-badge__detail visually-hidden' : 'connection-badge__detail'}>{detail}</span>}
      </span>
    </div>
  )
}
