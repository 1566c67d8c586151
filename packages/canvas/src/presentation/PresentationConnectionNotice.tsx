import { useValue } from 'tldraw'
import type { BoardSession } from '../sync/BoardSession'

/**
 * In a presentation's header while its board's connection is down: what is on screen may be out
 * of date (the team's edits, comments and verdicts stop arriving). Nothing while connected.
 */
export function PresentationConnectionNotice({ session }: { session: BoardSession }) {
  const state = useValue('connection', () => session.connection.get(), [session])
  if (state === 'connected') return null
  return (
    <p className="presentation__connection" data-testid="presentation-connection" data-state={state} role="status">
      <span className="presentation__connection-dot" aria-hidden />
      {state === 'offline' ? 'Offline — showing the board as it was; reconnecting…' : 'Reconnecting…'}
    </p>
  )
}
