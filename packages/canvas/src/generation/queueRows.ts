import type { GenerationView } from '@storyloom/shared/generation/api'
import { isFinished, type BoardGenerationsState } from './boardGenerationsState'

/** How many finished generations the queue panel keeps listing under the live ones. */
export const RECENT_FINISHED = 5

/** The queue panel's rows: running first, then queued in queue order, then the latest finished. */
export function queueRows(state: BoardGenerationsState): { live: GenerationView[]; recent: GenerationView[] } {
  const all = Object.values(state.generations)
  const live = all
    .filter((g) => !isFinished(g))
    .sort((a, b) => rank(a) - rank(b) || (a.position ?? Infinity) - (b.position ?? Infinity) || a.createdAt - b.createdAt)
  const recent = all
    .filter(isFinished)
    .sort((a, b) => (b.finishedAt ?? b.createdAt) - (a.finishedAt ?? a.createdAt))
    .slice(0, RECENT_FINISHED)
  return { live, recent }
}

function rank(g: GenerationView): number {
  return g.status === 'running' ? 0 : 1
}
