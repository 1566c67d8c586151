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

const TURNS = 'People take turns: someone’s one generation can start before another’s batch.'
const SHARED = 'Places count the queue every board shares.'

/**
 * Why the waiting generations stand where they do, when it is not plain from the list: places
 * skip (other boards' generations wait in the same queue: the server's workers serve every
 * board) or several people's generations are here (the server takes a person's n-th active
 * generation after everyone's earlier ones, so a batch does not hold the others up). Null while
 * nothing waits, or when one person's generations wait in the order they were started.
 */
export function queueOrderNote(live: readonly GenerationView[]): string | null {
  const waiting = live.filter((g) => g.status === 'queued')
  if (waiting.length === 0) return null
  const elsewhere = waiting.some((g) => (g.position ?? 0) > waiting.length)
  const people = new Set(live.map((g) => g.requestedBy.id)).size
  if (elsewhere) return `${SHARED} ${TURNS}`
  return people > 1 ? TURNS : null
}
