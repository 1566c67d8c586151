/**
 * What client-review connections are sent of a room's presence (see RoomAwareness), and what the
 * others are sent of theirs:
 *
 * - of a team member, only while they present the board to everyone (Present → "Present to
 *   everyone"): their screen (shot and playhead, player or grid, playing, timing to sound) and their name, so a client on a call
 *   follows the presentation. Never their cursor, selection, cursor chat or any other field, and
 *   never the id of a record the link is not shown (the shot is then sent as none);
 * - a reviewer's state goes to the team and to other reviewers as it is, less any `presenting`
 *   field: a review link never leads a presentation.
 */
import {
  PRESENCE_AWARENESS_FIELD,
  PRESENTING_AWARENESS_FIELD,
  presenterAnnouncement,
  type PresentingScreen,
} from '@storyloom/shared/present/presentingPresence'

/** One client's awareness state (JSON). */
export type AwarenessState = { [field: string]: unknown }

/**
 * A team member's state as review connections are sent it: their screen and name while they
 * present (validated with the shared schema), else null. `shotShown` says whether the link is
 * shown a shot.
 */
export function presenterStateForReview(state: unknown, shotShown: (shotId: string) => boolean): AwarenessState | null {
  const announced = presenterAnnouncement(state)
  if (!announced) return null
  const { shotId, view, playing, offset, timing } = announced.screen
  const shown = shotId !== null && shotShown(shotId)
  const screen: PresentingScreen = {
    shotId: shown ? shotId : null,
    view,
    playing,
    ...(shown && offset !== undefined ? { offset } : {}),
    // Timing to sound holds the shot on screen past its duration: nothing to hold without a shot.
    ...(shown && timing !== undefined ? { timing } : {}),
  }
  return {
    ...(announced.name === null ? {} : { [PRESENCE_AWARENESS_FIELD]: { userName: announced.name } }),
    [PRESENTING_AWARENESS_FIELD]: screen,
  }
}

/** A reviewer's state as everyone else is sent it: without a `presenting` field. */
export function reviewerStateForOthers(state: AwarenessState): AwarenessState {
  if (!(PRESENTING_AWARENESS_FIELD in state)) return state
  const { [PRESENTING_AWARENESS_FIELD]: _presenting, ...others } = state
  return others
}
