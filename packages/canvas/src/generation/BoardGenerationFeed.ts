import { atom, computed, type Atom, type Computed } from 'tldraw'
import { addRememberedIds, readRememberedIds, watchRememberedIds } from './rememberedIds'
import type { CreateGenerationsRequest, GenerationView, ModelListResponse, ModelView } from '@storyloom/shared/generation/api'
import { boardEventSchema, boardEventsUrl, boardEventTypes } from '@storyloom/shared/events/boardEvents'
import { ApiError } from '../api/apiClient'
import { openLiveChannel, type LiveChannel } from '../api/liveChannel'
import { emptyBoardGenerations, needsList, reduceBoardGenerations, type BoardGenerationsAction, type BoardGenerationsState } from './boardGenerationsState'
import { cancelGeneration, createGenerations, fetchGenerations, fetchModels } from './generationsApi'
import { shotActivities, type ShotGenerationActivity } from './shotGenerationActivity'

/** The models workers can run, as the form and the frames need them. */
export type ModelsState =
  | { status: 'loading' }
  | { status: 'ready'; models: ModelView[]; workers: number; lastRefusal?: ModelListResponse['lastRefusal'] }
  /** `unreachable`: the server could not be reached (offline); the channel's reconnect loads them again. */
  | { status: 'failed'; message: string; unreachable: boolean }

/** Lifecycle events after which queue positions and attempts may have moved: refetch the list. */
const LIST_REFRESH_EVENTS = new Set(['started', 'succeeded', 'failed', 'canceled'])
/** Several lifecycle events in a burst (a batch finishing) cost one list request. */
const LIST_REFRESH_DELAY_MS = 250

/**
 * How often each shot's versions and the board's history changed, as the board's event channel
 * told (see {@link BoardGenerationFeed.versionsRevision} and {@link BoardGenerationFeed.historyRevision}).
 */
type ListChanges = { connects: number; shots: ReadonlyMap<string, number>; history: number }

/**
 * The live generations of one open board: the list from the API, kept current by the board's
 * server-sent event channel (`EventSource` reconnects by itself; every (re)connect reloads the
 * list and the models, so nothing missed while away stays missing; `workers_changed` keeps the
 * worker count current). Also remembers which generations this
 * browser started, so only their author is offered cancel, and passes on the channel's notes
 * that a shot's versions or the board's history changed, so open Versions and History panels
 * re-read them at once.
 */
export class BoardGenerationFeed {
  readonly state: Atom<BoardGenerationsState> = atom('board generations', emptyBoardGenerations)
  readonly models: Atom<ModelsState> = atom('generation models', { status: 'loading' })
  /** Ids of generations started from this browser. */
  readonly mine: Atom<ReadonlySet<string>>
  /**
   * Ids of failed generations this person dismissed from their shot's frame: kept in this
   * browser, so a reload does not bring them back, while teammates still see them (and Retry).
   */
  readonly dismissed: Atom<ReadonlySet<string>>
  /** Each shot's activity; a shot's entry changes only when something about that shot does. */
  readonly shotActivity: Computed<ReadonlyMap<string, ShotGenerationActivity>>
  private readonly listChanges: Atom<ListChanges> = atom('version and history changes', { connects: 0, shots: new Map(), history: 0 })
  private lastActivity: ReadonlyMap<string, ShotGenerationActivity> | undefined
  private channel: LiveChannel | null = null
  private listTimer: ReturnType<typeof setTimeout> | null = null
  private listAbort: AbortController | null = null
  private unwatchTabs: (() => void)[] = []
  private disposed = false

  constructor(readonly boardId: string) {
    this.mine = atom('my generations', readRememberedIds(mineKey(boardId)))
    this.dismissed = atom('dismissed failures', readRememberedIds(dismissedKey(boardId)))
    this.shotActivity = computed('shot generation activity', () => {
      this.lastActivity = shotActivities(this.state.get(), this.lastActivity)
      return this.lastActivity
    })
  }

  /** Opens the event channel and loads the models; each (re)connect loads the list (and the models again). */
  start(): void {
    // React's strict mode disposes and starts again: a feed can be restarted.
    this.disposed = false
    this.channel?.close()
    // This person's other tabs on the board: a generation started there is theirs here too
    // (Cancel), a failure dismissed there leaves this tab's frame.
    for (const unwatch of this.unwatchTabs) unwatch()
    this.unwatchTabs = [
      watchRememberedIds(mineKey(this.boardId), (stored) => this.mine.set(new Set([...this.mine.get(), ...stored]))),
      watchRememberedIds(dismissedKey(this.boardId), (stored) => this.dismissed.set(new Set([...this.dismissed.get(), ...stored]))),
    ]
    this.channel = openLiveChannel(boardEventsUrl(encodeURIComponent(this.boardId)), boardEventTypes, {
      onOpen: () => {
        this.refreshList(0)
        const changes = this.listChanges.get()
        // Workers that came or went while the channel was away were missed (the first load is start's).
        if (changes.connects > 0) void this.refreshModels()
        // Version and history changes made while the channel was away were missed: every open panel re-reads.
        this.listChanges.set({ ...changes, connects: changes.connects + 1 })
      },
      onEvent: (data) => this.onEvent(data),
    })
    // Not only on open: the frames' built-in badge needs the models even if the channel is refused.
    void this.refreshModels()
    // Back from a network drop the event channel may have lived through (so it does not reopen):
    // models that could not be loaded meanwhile load now, in an open generation form too.
    globalThis.addEventListener?.('online', this.onBrowserOnline)
  }

  private readonly onBrowserOnline = () => {
    if (this.models.get().status === 'failed') void this.refreshModels()
  }

  dispose(): void {
    this.disposed = true
    globalThis.removeEventListener?.('online', this.onBrowserOnline)
    this.channel?.close()
    for (const unwatch of this.unwatchTabs) unwatch()
    this.unwatchTabs = []
    this.listAbort?.abort()
    if (this.listTimer) clearTimeout(this.listTimer)
  }

  /**
   * A value that changes whenever the shot's versions may have changed (a `versions_changed`
   * event for it, or a reconnect of the channel). Reactive: read it in a `useValue`.
   */
  versionsRevision(shotId: string): string {
    const { connects, shots } = this.listChanges.get()
    return `${connects}.${shots.get(shotId) ?? 0}`
  }

  /**
   * A value that changes whenever the board's history may have changed (a `history_changed`
   * event, or a reconnect of the channel). Reactive: read it in a `useValue`.
   */
  historyRevision(): string {
    const { connects, history } = this.listChanges.get()
    return `${connects}.${history}`
  }

  /** Reloads the models (the form does when it opens: workers come and go). */
  async refreshModels(): Promise<void> {
    try {
      const { models, workers, lastRefusal } = await fetchModels()
      if (!this.disposed) this.models.set({ status: 'ready', models, workers, lastRefusal })
    } catch (error) {
      if (this.disposed) return
      const unreachable = error instanceof ApiError && error.code === 'unreachable'
      this.models.set({ status: 'failed', message: error instanceof Error ? error.message : String(error), unreachable })
    }
  }

  /** Starts a generation and remembers it as this browser's. */
  async create(body: CreateGenerationsRequest, idempotencyKey: string): Promise<GenerationView[]> {
    const generations = await createGenerations(this.boardId, body, idempotencyKey)
    this.remember(generations.map((g) => g.id))
    for (const generation of generations) {
      this.dispatch({ type: 'queued', boardId: this.boardId, generationId: generation.id, shotId: generation.shotId, at: Date.now(), generation })
    }
    return generations
  }

  /** Cancels a generation; the `canceled` event updates every client. */
  async cancel(generationId: string): Promise<void> {
    await cancelGeneration(this.boardId, generationId)
    // A running generation stops at its next step; the event says when. Reload in case events lag.
    this.refreshList(0)
  }

  private onEvent(data: unknown): void {
    const parsed = boardEventSchema.safeParse(data)
    // An event this version does not know is skipped; the next list load still shows its result.
    if (!parsed.success) return
    const event = parsed.data
    if (event.type === 'versions_changed') return this.versionsChanged(event.shotId)
    if (event.type === 'history_changed') return this.historyChanged()
    if (event.type === 'workers_changed') return this.workersChanged(event.workers)
    // A job on another board moved the queue: the places shown here are stale, if any is shown.
    if (event.type === 'queue_moved') {
      if (Object.values(this.state.get().generations).some((g) => g.status === 'queued')) this.refreshList(LIST_REFRESH_DELAY_MS)
      return
    }
    const missing = needsList(this.state.get(), event)
    const jumpedAhead = event.type === 'queued' && queuedAhead(this.state.get(), event.generation)
    this.dispatch(event)
    if (missing || jumpedAhead || LIST_REFRESH_EVENTS.has(event.type)) this.refreshList(LIST_REFRESH_DELAY_MS)
  }

  private versionsChanged(shotId: string): void {
    const changes = this.listChanges.get()
    this.listChanges.set({ ...changes, shots: new Map(changes.shots).set(shotId, (changes.shots.get(shotId) ?? 0) + 1) })
  }

  /** Shows the new count at once, and reloads the models: the worker that came or went may have been the only one running some. */
  private workersChanged(workers: number): void {
    const models = this.models.get()
    if (models.status === 'ready') this.models.set({ ...models, workers })
    void this.refreshModels()
  }

  private historyChanged(): void {
    const changes = this.listChanges.get()
    this.listChanges.set({ ...changes, history: changes.history + 1 })
  }

  private dispatch(action: BoardGenerationsAction): void {
    const next = reduceBoardGenerations(this.state.get(), action)
    if (next !== this.state.get()) this.state.set(next)
  }

  private refreshList(delayMs: number): void {
    if (this.listTimer) return
    this.listTimer = setTimeout(() => {
      this.listTimer = null
      this.listAbort?.abort()
      const abort = new AbortController()
      this.listAbort = abort
      fetchGenerations(this.boardId, abort.signal).then(
        (generations) => {
          if (!this.disposed) this.dispatch({ type: 'list', generations })
        },
        () => {
          // Offline or the server is restarting: the event channel reconnects and reloads.
        },
      )
    }, delayMs)
  }

  /** Hides failed generation `id` from its shot's frame for this person, for good (see {@link dismissed}). */
  dismissFailure(id: string): void {
    this.dismissed.set(addRememberedIds(dismissedKey(this.boardId), this.dismissed.get(), [id]))
  }

  private remember(ids: readonly string[]): void {
    this.mine.set(addRememberedIds(mineKey(this.boardId), this.mine.get(), ids))
  }
}

/**
 * A newly queued generation placed ahead of ones already waiting (another person's job
 * interleaved into a big batch): those moved back a place, which only a list load tells.
 */
function queuedAhead(state: BoardGenerationsState, generation: GenerationView): boolean {
  const { position } = generation
  if (position === null) return false
  return Object.values(state.generations).some((g) => g.id !== generation.id && g.status === 'queued' && g.position !== null && g.position >= position)
}

function mineKey(boardId: string): string {
  return `storyloom:my-generations:${boardId}`
}

function dismissedKey(boardId: string): string {
  return `storyloom:dismissed-failures:${boardId}`
}
