import type { Awareness } from 'y-protocols/awareness'
import {
  FOLLOWING_AWARENESS_FIELD,
  PRESENTING_AWARENESS_FIELD,
  followedPresenterOf,
  presenceNameOf,
  presenterAnnouncement,
  type PresentingScreen,
} from '@storyloom/shared/present/presentingPresence'
import { REVIEWER_AWARENESS_FIELD, reviewerPresenceSchema } from '@storyloom/shared/review/reviewerPresence'

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

/** Someone following this client's presentation: a team member, or a client on a review link. */
export type Follower = { clientId: number; name: string | null; client: boolean }

/** Tells the presenter whom this client follows now (their awareness client id; null: nobody). */
export function announceFollowing(awareness: Awareness, presenterId: number | null): void {
  if (awareness.getLocalState() === null) return // destroyed: it has left the board
  if ((awareness.getLocalState()?.[FOLLOWING_AWARENESS_FIELD] ?? null) === presenterId) return
  awareness.setLocalStateField(FOLLOWING_AWARENESS_FIELD, presenterId)
}

/**
 * Who follows this client's presentation, in a stable order (by client id): each state that names
 * this client in its `following` field. A review page's is a client (with the name they typed, if
 * any); a team member's name is their canvas presence's (null: none usable).
 */
export function followersOf(awareness: Awareness): Follower[] {
  const followers: Follower[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID || followedPresenterOf(state) !== awareness.clientID) continue
    const reviewer = reviewerPresenceSchema.safeParse((state as Record<string, unknown>)[REVIEWER_AWARENESS_FIELD])
    followers.push(reviewer.success ? { clientId, name: reviewer.data.name, client: true } : { clientId, name: presenceNameOf(state), client: false })
  }
  return followers.sort((a, b) => a.clientId - b.clientId)
}
