import type { GenerationView } from '@storyloom/shared/generation/api'
import { isFinished, type BoardGenerationsState, type LivePreview } from './boardGenerationsState'

/** What a shot's frame shows about generations: the one in progress and the takes to choose from. */
export interface ShotGenerationActivity {
  /** The running generation for the shot, else the first queued one. */
  active: GenerationView | null
  /** Generations of the shot still waiting, the active one included. */
  pending: number
  preview: LivePreview | null
  /** The shot's most recent successful generation, when it made more than one take. */
  choices: GenerationView | null
  /** The shot's latest finished generation, when it failed (and nothing is running for the shot). */
  failed: GenerationView | null
}

/** The generation activity of one shot. */
export function shotGenerationActivity(state: BoardGenerationsState, shotId: string): ShotGenerationActivity {
  const mine = Object.values(state.generations)
    .filter((g) => g.shotId === shotId)
    .sort((a, b) => a.createdAt - b.createdAt)
  const unfinished = mine.filter((g) => !isFinished(g))
  const active = unfinished.find((g) => g.status === 'running') ?? unfinished[0] ?? null
  const lastSucceeded = mine.filter((g) => g.status === 'succeeded').at(-1) ?? null
  const lastFinished = mine.filter(isFinished).sort((a, b) => (a.finishedAt ?? a.createdAt) - (b.finishedAt ?? b.createdAt)).at(-1)
  const preview =
    (active && state.previews[active.id]) ??
    // A preview can come before the list has the generation (joined mid-run).
    Object.values(state.previews).find((p) => p.shotId === shotId && !state.generations[p.generationId]) ??
    null
  return {
    active,
    pending: unfinished.length,
    preview,
    choices: lastSucceeded && lastSucceeded.results.length > 1 ? lastSucceeded : null,
    failed: !active && lastFinished?.status === 'failed' ? lastFinished : null,
  }
}
