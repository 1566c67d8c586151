import type { GenerationView } from '@storyloom/shared/generation/api'
import { isFinished, type BoardGenerationsState, type LivePreview } from './boardGenerationsState'

/** What a shot's frame shows about generations: the one in progress and the takes to choose from. */
export interface ShotGenerationActivity {
  /** The running generation for the shot, else the first queued one. */
  active: GenerationView | null
  /** Generations of the shot still waiting, the active one included. */
  pending: number
  /** Those generations, oldest first (whoever started them). */
  unfinished: readonly GenerationView[]
  preview: LivePreview | null
  /** When the server reported the active generation's worker lost (epoch ms), while it waits for another. */
  workerLostAt: number | null
  /** When the active generation's worker said it is restarting its inference process (epoch ms). */
  restartingAt: number | null
  /** The shot's most recent generation that made takes (succeeded, or stopped after some landed), when it made more than one. */
  choices: GenerationView | null
  /** The shot's most recent generation that made takes, however many. */
  lastWithTakes: GenerationView | null
  /** The shot's latest finished generation, when it failed (and nothing is running for the shot). */
  failed: GenerationView | null
}

/** A shot nothing was generated for. */
export const NO_ACTIVITY: ShotGenerationActivity = { active: null, pending: 0, unfinished: [], preview: null, workerLostAt: null, restartingAt: null, choices: null, lastWithTakes: null, failed: null }

/**
 * The activity of every shot that has any, in one pass over the board's generations. A shot
 * whose activity did not change keeps the object it had in `previous`, so only the frames a
 * preview or event is about draw again.
 */
export function shotActivities(
  state: BoardGenerationsState,
  previous?: ReadonlyMap<string, ShotGenerationActivity>,
): ReadonlyMap<string, ShotGenerationActivity> {
  const byShot = new Map<string, GenerationView[]>()
  for (const g of Object.values(state.generations)) {
    const list = byShot.get(g.shotId)
    if (list) list.push(g)
    else byShot.set(g.shotId, [g])
  }
  // A preview can come before the list has its generation (joined mid-run).
  const unlisted = new Map<string, LivePreview>()
  for (const p of Object.values(state.previews)) if (!state.generations[p.generationId]) unlisted.set(p.shotId, p)
  const next = new Map<string, ShotGenerationActivity>()
  for (const shotId of new Set([...byShot.keys(), ...unlisted.keys()])) {
    const activity = activityOf(byShot.get(shotId) ?? [], state, unlisted.get(shotId) ?? null)
    const before = previous?.get(shotId)
    next.set(shotId, before && sameActivity(before, activity) ? before : activity)
  }
  return next
}

/** The generation activity of one shot. */
export function shotGenerationActivity(state: BoardGenerationsState, shotId: string): ShotGenerationActivity {
  return shotActivities(state).get(shotId) ?? NO_ACTIVITY
}

function activityOf(generations: GenerationView[], state: BoardGenerationsState, unlistedPreview: LivePreview | null): ShotGenerationActivity {
  const mine = generations.sort((a, b) => a.createdAt - b.createdAt)
  const unfinished = mine.filter((g) => !isFinished(g))
  const active = unfinished.find((g) => g.status === 'running') ?? unfinished[0] ?? null
  // A run stopped part way (canceled, failed) that kept takes put its first on the shot: its
  // takes are the choices now, not those of the run before it.
  const lastWithTakes = mine.filter((g) => g.status === 'succeeded' || (isFinished(g) && g.results.length > 0)).at(-1) ?? null
  const lastFinished = mine.filter(isFinished).sort((a, b) => (a.finishedAt ?? a.createdAt) - (b.finishedAt ?? b.createdAt)).at(-1)
  return {
    active,
    pending: unfinished.length,
    unfinished,
    preview: (active && state.previews[active.id]) ?? unlistedPreview,
    workerLostAt: (active && state.workerLost[active.id]) ?? null,
    restartingAt: (active && state.restarting[active.id]) ?? null,
    choices: lastWithTakes && lastWithTakes.results.length > 1 ? lastWithTakes : null,
    lastWithTakes,
    failed: !active && lastFinished?.status === 'failed' ? lastFinished : null,
  }
}

function sameActivity(a: ShotGenerationActivity, b: ShotGenerationActivity): boolean {
  return a.active === b.active && sameItems(a.unfinished, b.unfinished) && a.preview === b.preview && a.workerLostAt === b.workerLostAt && a.restartingAt === b.restartingAt && a.choices === b.choices && a.lastWithTakes === b.lastWithTakes && a.failed === b.failed
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}
