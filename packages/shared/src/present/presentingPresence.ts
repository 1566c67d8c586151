import { z } from 'zod'
import { MAX_SHOT_DURATION_SECONDS } from '../storyboard/limits'

/**
 * The awareness field in which a team member presenting the board to everyone (Present → "Present
 * to everyone") says what is on their screen, so the others watching Present follow it: the shot
 * and the playhead in it, the player or the grid, playing or paused, and whether they are timing it
 * to sound. Absent or null: not presenting.
 */
export const PRESENTING_AWARENESS_FIELD = 'presenting'

/** The awareness field with a client's tldraw presence (the canvas's bindPresence.ts); its `userName` names a presenter. */
export const PRESENCE_AWARENESS_FIELD = 'presence'

/** Presenter names longer than this are cut (a hostile client's presence is not trusted to be short). */
export const MAX_PRESENTER_NAME = 100

export const presentingSchema = z.object({
  /** The shot on the presenter's screen (a tldraw shape id); null while the board has none. */
  shotId: z.string().min(1).max(200).nullable(),
  view: z.enum(['player', 'grid']),
  playing: z.boolean(),
  /**
   * Seconds into the shot: where the presenter paused, or last started playing (from a pause, a
   * scrub, Home), so followers are on their frame within a shot. Absent (an older client): its start.
   */
  offset: z.number().min(0).max(MAX_SHOT_DURATION_SECONDS).optional(),
  /**
   * Present while the presenter times the animatic to sound ("Time to sound"): the shot on their
   * screen plays on past its stored duration until their next tap, and followers hold it as long.
   * `tapped`: a tap brought it on (else the recording started in it), which shapes the soundtrack's
   * dip under its sound. Absent: the board's timing (an older client says nothing of it).
   */
  timing: z.object({ tapped: z.boolean() }).optional(),
})
export type PresentingScreen = z.infer<typeof presentingSchema>

/** The name a presenter's presence carries: trimmed, cut to {@link MAX_PRESENTER_NAME}; blank is none. */
const presenterNameSchema = z.object({
  userName: z.string().trim().min(1).transform((name) => name.slice(0, MAX_PRESENTER_NAME)),
})

/** A presenter as one awareness state announces them: their screen, and their name (null: none usable). */
export type PresenterAnnouncement = { screen: PresentingScreen; name: string | null }

/**
 * Whether an awareness state (any client's, so untrusted) presents the board, and what: null if it
 * does not, or says so malformed. Used by the canvas to follow presenters and by the server to pass
 * a presentation on to review links.
 */
export function presenterAnnouncement(state: unknown): PresenterAnnouncement | null {
  if (typeof state !== 'object' || state === null) return null
  const fields = state as Record<string, unknown>
  const presenting = fields[PRESENTING_AWARENESS_FIELD]
  // Most states are not presenting and change on every cursor move: they skip zod altogether.
  if (presenting === undefined || presenting === null) return null
  const screen = presentingSchema.safeParse(presenting)
  if (!screen.success) return null
  return { screen: screen.data, name: presenceNameOf(state) }
}

/**
 * The awareness field in which someone following a presentation names the presenter (their
 * awareness client id), so the presenter sees who follows. Absent or null: not following.
 */
export const FOLLOWING_AWARENESS_FIELD = 'following'

const followingSchema = z.number().int().nonnegative()

/** The presenter an awareness state (any client's, so untrusted) says it follows: their client id, or null. */
export function followedPresenterOf(state: unknown): number | null {
  if (typeof state !== 'object' || state === null) return null
  const parsed = followingSchema.safeParse((state as Record<string, unknown>)[FOLLOWING_AWARENESS_FIELD])
  return parsed.success ? parsed.data : null
}

/** The name a team member's presence carries (trimmed, cut to {@link MAX_PRESENTER_NAME}), or null. */
export function presenceNameOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null
  const name = presenterNameSchema.safeParse((state as Record<string, unknown>)[PRESENCE_AWARENESS_FIELD])
  return name.success ? name.data.userName : null
}
