import type { Awareness } from 'y-protocols/awareness'
import { PRESENTING_AWARENESS_FIELD, presentingSchema, type PresentingScreen } from '@storyloom/shared/present/presentingPresence'
import { PRESENCE_FIELD } from './bindPresence'

/** Someone else on the board presenting it now, and what their screen shows. */
export type Presenter = PresentingScreen & { clientId: number; name: string }

/** Names longer than this are cut (a hostile client's presence is not trusted to be short). */
const MAX_NAME = 100

/** Tells everyone on the board what this client presents (null: it stopped presenting). */
export function announcePresenting(awareness: Awareness, screen: PresentingScreen | null): void {
  if (awareness.getLocalState() === null) return // destroyed: it has left the board
  awareness.setLocalStateField(PRESENTING_AWARENESS_FIELD, screen)
}

/**
 * The others presenting the board, in a stable order (by client id); malformed announcements are ignored. The
 * name is the one their canvas shares (tldraw's presence), else "Someone".
 */
export function presentersOf(awareness: Awareness): Presenter[] {
  const presenters: Presenter[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const fields = state as Record<string, unknown> | undefined
    const parsed = presentingSchema.safeParse(fields?.[PRESENTING_AWARENESS_FIELD])
    if (!parsed.success) continue
    const userName = (fields?.[PRESENCE_FIELD] as { userName?: unknown } | null | undefined)?.userName
    const name = typeof userName === 'string' && userName.trim() !== '' ? userName.trim().slice(0, MAX_NAME) : 'Someone'
    presenters.push({ ...parsed.data, clientId, name })
  }
  return presenters.sort((a, b) => a.clientId - b.clientId)
}
