import { z } from 'zod'

/**
 * The awareness field in which a team member presenting the board to everyone (Present → "Present
 * to everyone") says what is on their screen, so the others watching Present follow it: the shot,
 * the player or the grid, playing or paused. Absent or null: not presenting.
 */
export const PRESENTING_AWARENESS_FIELD = 'presenting'

export const presentingSchema = z.object({
  /** The shot on the presenter's screen (a tldraw shape id); null while the board has none. */
  shotId: z.string().min(1).max(200).nullable(),
  view: z.enum(['player', 'grid']),
  playing: z.boolean(),
})
export type PresentingScreen = z.infer<typeof presentingSchema>
