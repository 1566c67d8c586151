import type { Awareness } from 'y-protocols/awareness'
import { PRESENTING_AWARENESS_FIELD, presenterAnnouncement, type PresentingScreen } from '@storyloom/shared/present/presentingPresence'

/** Someone else on the board presenting it now, and what their screen shows. */
export type Presenter = PresentingScreen & { clientId: number; name: string }

/** Tells everyone on the board what this client presents (null: it stopped presenting). */
export function announcePresenting(awareness: Awareness, screen: PresentingScreen | null): void {
  if (awareness.getLocalState() === null) return // destroyed: it has left the board
  awareness.setLocalStateField(PRESENTING_AWARENESS_FIELD, screen)
}

/**
 * The others presenting the board, in a stable order (by client id); malformed announcements are ignored. The
 * name is the one their canvas shares (tldraw's presence), else "Someone". On a review link these are
 * what the server passes on of team members who present (their screen and name only).
 */
export function presentersOf(awareness: Awareness): Presenter[] {
  const presenters: Presenter[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const announced = presenterAnnouncement(state)
    if (announced) presenters.push({ ...announced.screen, clientId, name: announced.name ?? 'Someone' })
  }
  return presenters.sort((a, b) => a.clientId - b.clientId)
}
