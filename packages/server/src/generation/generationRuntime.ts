import type { JobSource } from '@storyloom/shared/generation/jobSource'
import type { WorkerJobResult, WorkerSignal } from '@storyloom/shared/generation/workerApi'
import { queueErrorLog } from '@storyloom/shared/generation/queueErrorLog'
import { redactedUrl, type ServerConfig } from '../config'
import type { AssetStore } from '../assets/assetStore'
import type { Db } from '../db/openDatabase'
import { openBullmqQueue } from '../queue/bullmqQueue'
import { openEmbeddedQueue } from '../queue/embeddedQueue'
import { probeRedis } from '../queue/redisProbe'
import { StartupError } from '../startupError'
import type { SyncServer } from '../sync/createSyncServer'
import { announceVersionChanges } from '../versions/announcedVersionStore'
import { createVersionStore, type VersionStore } from '../versions/versionStore'
import { BoardEventHub } from '../events/boardEventHub'
import { GenerationEventRelay } from './eventRelay'
import { GenerationService, type GenerationQueueOf } from './generationService'
import { subscribeWorkerSignals } from './redisSignals'
import { ResultCommitter } from './resultCommitter'
import { loadWorkerToken } from './workerToken'
import { WorkerLossWatch } from './workerLossWatch'
import { WorkerPresenceWatch } from './workerPresenceWatch'
import { WorkerRegistry } from './workerRegistry'

/** What an in-process worker needs from the server in the embedded mode. */
export type EmbeddedWorkerPorts = {
  /** The embedded queue, as a worker sees it. */
  jobs: JobSource<WorkerJobResult>
  /** Hands a live signal (progress, preview) to the board events, as Redis pub/sub would. */
  publishSignal(signal: WorkerSignal): void
}

/** The generation side of a running server. */
export type GenerationRuntime = {
  mode: 'embedded' | 'redis'
  workerToken: string
  service: GenerationService
  events: BoardEventHub
  /** The version trees; every change is announced on {@link events} (`versions_changed`). */
  versions: VersionStore
  workers: WorkerRegistry
  /** On Redis: which workers' connections are watched (see {@link WorkerPresenceWatch}). */
  presence: Pick<WorkerPresenceWatch, 'watches'> | undefined
  results: ResultCommitter
  queue: GenerationQueueOf
  /** Present in the embedded mode: start the worker in-process with these. */
  embedded: EmbeddedWorkerPorts | undefined
  close(): Promise<void>
}

/** How long a starting server waits for Redis to answer before it gives up. */
const REDIS_START_TIMEOUT_MS = 5_000

/**
 * Stops the start when Redis at `url` does not answer, or answers but refuses this server
 * (saying which: the fixes differ). One connection: the same probe says whether Redis keeps an
 * append-only file, and a Redis that keeps none is warned about: the queue's jobs live only
 * there, so a restart of that Redis would lose every queued and running generation without a
 * word on the board.
 */
async function requireRedis(url: string): Promise<void> {
  const probe = await probeRedis(url, REDIS_START_TIMEOUT_MS)
  if (probe.answers) {
    if (probe.appendOnlyFile === false) {
      console.warn(
        `[generations] Redis at ${redactedUrl(url)} keeps no append-only file (appendonly no): if it restarts, queued and running generations are lost. Set "appendonly yes" in its configuration (README, Generations).`,
      )
    }
    return
  }
  if (probe.refusal !== undefined) {
    throw new StartupError(`Redis at ${redactedUrl(url)} refused this server (${probe.refusal}): fix the user name, password or database number in REDIS_URL`)
  }
  throw new StartupError(
    `cannot reach Redis at ${redactedUrl(url)} (no answer to PING within ${REDIS_START_TIMEOUT_MS / 1000} s): start Redis or fix REDIS_URL (without REDIS_URL, generations run inside this process)`,
  )
}

/**
 * Opens the queue (BullMQ when `REDIS_URL` is set, else embedded SQLite) and everything around
 * it: the worker token, the registry of live workers (its count announced on every board's
 * channel) and the watches that find lost ones, board events, result commits, and the
 * version store they and the HTTP routes write through. A Redis that does not answer, or refuses it, stops the
 * start with a {@link StartupError}.
 */
export async function startGenerationRuntime({
  db,
  config,
  sync,
  assets,
}: {
  db: Db
  config: ServerConfig
  sync: Pick<SyncServer, 'withRoom'>
  /** Where the results' files are read from (their headers, as they land). */
  assets: Pick<AssetStore, 'open'>
}): Promise<GenerationRuntime> {
  if (config.redisUrl) {
    await requireRedis(config.redisUrl)
  }
  // One log for every Redis connection of the server: a lost Redis is one line, and so is its return.
  const onError = queueErrorLog('[generations]', { write: console.error, ...(config.redisUrl ? { redisAt: redactedUrl(config.redisUrl) } : {}) })
  const bullmq = config.redisUrl ? openBullmqQueue<WorkerJobResult>({ redisUrl: config.redisUrl, prefix: config.redisPrefix, onError, onConnected: onError.connected }) : undefined
  const queue = bullmq ?? openEmbeddedQueue<WorkerJobResult>({ db, onError })
  const workers = new WorkerRegistry().start()
  const events = new BoardEventHub()
  const versions = announceVersionChanges(createVersionStore(db), events)
  const relay = new GenerationEventRelay(queue, events)
  const service = new GenerationService({
    db,
    queue,
    rooms: sync,
    workers,
    events,
    versions,
    maxActivePerUser: config.maxActiveGenerationsPerUser,
    workerLostAt: (jobId) => relay.workerLostAt(jobId),
  })
  const lossWatch = new WorkerLossWatch((jobId, workerId) => {
    relay.workerLost(jobId)
    // It counts no more at once, not only when its heartbeats expire; a next beat brings it back.
    workers.forget(workerId)
  }).start()
  // On Redis, a worker's connection tells sooner than its heartbeats that it was killed, and
  // tells a restarted server which running jobs no live worker holds. (In process, a worker
  // dies with the server.)
  const presenceWatch = bullmq
    ? new WorkerPresenceWatch(() => bullmq.workerPresence(), {
        onGone: (workerId) => workers.forget(workerId),
        onOrphaned: (jobId) => relay.workerLost(jobId),
      }).start()
    : undefined
  const stopWatchingHeartbeats = workers.onHeartbeat((heartbeat) => {
    lossWatch.heartbeat(heartbeat)
    if (heartbeat.queueConnected) presenceWatch?.expect(heartbeat.workerId)
  })
  const stopAnnouncingWorkers = workers.onCountChange((count) => events.publishToEveryBoard((boardId) => ({ type: 'workers_changed', boardId, workers: count, at: Date.now() })))
  const stopWatchingSettled = queue.onSettled((job) => lossWatch.settled(job.id))
  const results = new ResultCommitter({ queue, versions, rooms: sync, assets })
  const signals = config.redisUrl ? await subscribeWorkerSignals(config.redisUrl, config.redisPrefix, (raw) => relay.signal(raw), onError) : undefined
  return {
    mode: config.redisUrl ? 'redis' : 'embedded',
    workerToken: loadWorkerToken(config.dataDir, config.workerToken),
    service,
    events,
    versions,
    workers,
    presence: presenceWatch,
    results,
    queue,
    embedded: config.redisUrl ? undefined : { jobs: queue, publishSignal: (signal) => relay.signal(signal) },
    async close() {
      stopWatchingHeartbeats()
      stopAnnouncingWorkers()
      workers.close()
      stopWatchingSettled()
      lossWatch.close()
      presenceWatch?.close()
      await queue.close()
      relay.close()
      events.close()
      await signals?.close()
    },
  }
}
