import type { GenerationView } from '@storyloom/shared/generation/api'
import type { GenerationEvent, GenerationEventOf } from '@storyloom/shared/generation/events'
import { finishedGenerationJobStatuses } from '@storyloom/shared/generation/jobs'

/**
 * What a client knows about the generations of its board: the views from the list, kept
 * current by the live events, and the latest preview of each running generation. A pure
 * reducer, so ordering rules (late previews after a result, a retried attempt) are tested
 * without a server.
 */

/** The latest step image of a running generation (never stored anywhere but here). */
export interface LivePreview {
  generationId: string
  shotId: string
  /** Which attempt it belongs to: a retried job starts its previews over. */
  attempt: number
  variationIndex: number
  step: number
  totalSteps: number
  /** A `data:` URL. */
  image: string
}

export interface BoardGenerationsState {
  /** By generation id. */
  generations: Readonly<Record<string, GenerationView>>
  /** By generation id; only for generations that are running. */
  previews: Readonly<Record<string, LivePreview>>
  /**
   * Running generations whose worker the server reported lost (`worker_lost`, or `workerLostAt`
   * in the list), with when: they wait for the queue to give them to another worker. Cleared by
   * the next sign of life.
   */
  workerLost: Readonly<Record<string, number>>
  /**
   * Running generations whose worker said their inference process died (`worker_lost` with
   * `restarting`), with when: the worker starts it again and the job resumes. Cleared as above.
   */
  restarting: Readonly<Record<string, number>>
}

/** A client that has not loaded anything yet. */
export const emptyBoardGenerations: BoardGenerationsState = { generations: {}, previews: {}, workerLost: {}, restarting: {} }

/** What changes the state: the list answer (on connect and after lifecycle events), or one event. */
export type BoardGenerationsAction = { type: 'list'; generations: readonly GenerationView[] } | GenerationEvent

/** True once a generation can change no more. */
export function isFinished(generation: Pick<GenerationView, 'status'>): boolean {
  return finishedGenerationJobStatuses.includes(generation.status)
}

/** The state after `action`. Returns the same object when nothing changed. */
export function reduceBoardGenerations(state: BoardGenerationsState, action: BoardGenerationsAction): BoardGenerationsState {
  if (action.type === 'list' || action.type === 'queued' || action.type === 'worker_lost') return reduceEvent(state, action)
  // Any other news of a generation means it is moving again (another worker took it) or ended.
  const next = reduceEvent(state, action)
  const workerLost = withoutKey(next.workerLost, action.generationId)
  const restarting = withoutKey(next.restarting, action.generationId)
  return workerLost === next.workerLost && restarting === next.restarting ? next : { ...next, workerLost, restarting }
}

function reduceEvent(state: BoardGenerationsState, action: BoardGenerationsAction): BoardGenerationsState {
  switch (action.type) {
    case 'list':
      return fromList(state, action.generations)
    case 'queued':
      // A list fetched after the job started already knows more than the queued event.
      if (state.generations[action.generationId]) return state
      return withGeneration(state, action.generation)
    case 'started':
      return update(state, action, (g) => ({ ...g, status: 'running', model: action.model, attempts: action.attempt, startedAt: action.at, progress: 0, position: null }), {
        dropPreview: true,
      })
    case 'progress':
      return update(state, action, (g) => (g.status === 'running' ? { ...g, progress: action.progress } : g))
    case 'preview':
      return withPreview(state, action)
    case 'worker_lost': {
      const key = action.restarting ? 'restarting' : 'workerLost'
      return state.generations[action.generationId]?.status === 'running' && state[key][action.generationId] === undefined
        ? { ...state, [key]: { ...state[key], [action.generationId]: action.at } }
        : state
    }
    case 'succeeded':
      return update(state, action, (g) => ({ ...g, status: 'succeeded', progress: 1, model: action.model, results: action.results, finishedAt: action.at, position: null }), {
        dropPreview: true,
      })
    case 'failed':
      return update(state, action, (g) => ({ ...g, status: 'failed', error: action.error, finishedAt: action.at, position: null }), { dropPreview: true })
    case 'canceled':
      return update(state, action, (g) => ({ ...g, status: 'canceled', finishedAt: action.at, position: null, ...(action.reason !== undefined ? { canceledReason: action.reason } : {}) }), { dropPreview: true })
  }
}

/** True when an event is about a generation the client has not listed: time to fetch the list. */
export function needsList(state: BoardGenerationsState, event: GenerationEvent): boolean {
  return event.type !== 'queued' && !state.generations[event.generationId]
}

function fromList(state: BoardGenerationsState, list: readonly GenerationView[]): BoardGenerationsState {
  const generations: Record<string, GenerationView> = {}
  for (const g of list) {
    const known = state.generations[g.id]
    // An event newer than the list answer already finished it here: keep the finished view.
    generations[g.id] = known && isFinished(known) && !isFinished(g) ? known : g
  }
  const previews: Record<string, LivePreview> = {}
  for (const [id, preview] of Object.entries(state.previews)) {
    const g = generations[id]
    if (!g || g.status === 'running') previews[id] = preview
  }
  // The server's note (a client that came while the job waits) or the event this one saw; a
  // list without it may predate the event, and the event that clears it clears it here too.
  const workerLost: Record<string, number> = {}
  for (const g of Object.values(generations)) {
    const at = state.workerLost[g.id] ?? g.workerLostAt
    if (g.status === 'running' && at !== undefined) workerLost[g.id] = at
  }
  const restarting: Record<string, number> = {}
  for (const [id, at] of Object.entries(state.restarting)) if (generations[id]?.status === 'running') restarting[id] = at
  return { generations, previews, workerLost, restarting }
}

function withGeneration(state: BoardGenerationsState, generation: GenerationView): BoardGenerationsState {
  return { ...state, generations: { ...state.generations, [generation.id]: generation } }
}

function update(
  state: BoardGenerationsState,
  event: GenerationEvent,
  change: (g: GenerationView) => GenerationView,
  options: { dropPreview?: boolean } = {},
): BoardGenerationsState {
  const known = state.generations[event.generationId]
  const previews = options.dropPreview ? withoutKey(state.previews, event.generationId) : state.previews
  if (!known) return previews === state.previews ? state : { ...state, previews }
  // Events of a finished generation that arrive late (a progress after the result) change nothing.
  if (isFinished(known)) return state
  const next = change(known)
  if (next === known && previews === state.previews) return state
  return { ...state, generations: { ...state.generations, [known.id]: next }, previews }
}

function withPreview(state: BoardGenerationsState, event: GenerationEventOf<'preview'>): BoardGenerationsState {
  const known = state.generations[event.generationId]
  if (known && known.status !== 'running') return state
  const attempt = known?.attempts ?? 1
  const current = state.previews[event.generationId]
  // Latest wins: an older step of the same take (reordered in transit) never replaces a newer one.
  if (current && current.attempt === attempt && current.variationIndex === event.variationIndex && current.step >= event.step) return state
  const preview: LivePreview = {
    generationId: event.generationId,
    shotId: event.shotId,
    attempt,
    variationIndex: event.variationIndex,
    step: event.step,
    totalSteps: event.totalSteps,
    image: event.image,
  }
  return { ...state, previews: { ...state.previews, [event.generationId]: preview } }
}

function withoutKey<V>(record: Readonly<Record<string, V>>, key: string): Readonly<Record<string, V>> {
  if (!(key in record)) return record
  const { [key]: _dropped, ...rest } = record
  return rest
}
