/**
 * `pnpm worker`: one generation worker process (one per GPU), taking jobs from the server's
 * BullMQ queue on Redis and sending results to the server over HTTP. Configured by env — see
 * the package README. A STORYLOOM_MODEL that is not installed (or not usable) ends it at once,
 * exit 2, with one line saying what to do, which it also tells the server (the boards show it). SIGTERM/SIGINT: stop taking jobs, finish the current one (or, after
 * STORYLOOM_WORKER_STOP_TIMEOUT_MS, leave it for another worker), then exit. A server that
 * refuses the worker's token, at start or later, makes it exit 2 (a later refusal gives the
 * running job back to the queue first).
 */
import { randomUUID } from 'node:crypto'
import { BullmqJobSource } from '../service/bullmqJobSource'
import { ServerClient } from '../service/serverClient'
import { displayUrl } from '../install/downloadArchive'
import { startGenerationWorker, type RunningGenerationWorker } from '../service/startGenerationWorker'
import { stopOnSignals } from '../service/stopOnSignals'
import { WorkerRefusedError, WorkerStoppedError } from '../service/waitForServer'
import { workerAddressProblem, workerSettingsFromEnv, type WorkerSettings } from '../service/workerSettings'
import { ModelFolderError } from '../errors'
import { requirePreferredModel } from '../models/modelRegistry'

/** How long a worker stopping at start waits for the server to take its reason. */
const REFUSAL_REPORT_TIMEOUT_MS = 3_000

function fail(message: string): never {
  console.error(`storyloom worker: ${message}`)
  process.exit(2)
}

/** The settings; a bad one (STORYLOOM_DEVICE=gpu, a models folder that is a file) ends the start with its line. */
function settingsOrFail(): WorkerSettings {
  try {
    return workerSettingsFromEnv()
  } catch (error) {
    return fail((error as Error).message)
  }
}

const settings = settingsOrFail()
if (!settings.redisUrl) fail('REDIS_URL is not set. A separate worker takes jobs from Redis; without Redis, `pnpm start` runs a worker inside the server.')
if (!settings.serverUrl) fail('STORYLOOM_SERVER_URL is not set (e.g. http://storyloom.internal:5310): results are uploaded there.')
const addressProblem = workerAddressProblem(settings)
if (addressProblem) fail(addressProblem)
if (!settings.workerToken) fail("STORYLOOM_WORKER_TOKEN is not set: copy it from the server's data directory (worker-token).")
// The model it was told to run, before it connects to Redis: it would take no job, and never runs another in its place.
if (settings.preferredModelId) {
  const serverAt = settings.serverUrl
  const token = settings.workerToken
  await requirePreferredModel(settings.modelsDir, settings.preferredModelId).catch(async (error: unknown) => {
    if (!(error instanceof ModelFolderError)) throw error
    // The boards would only see "0 workers": tell the server why (best effort, briefly), then stop.
    await new ServerClient(serverAt, token).refusal({ reason: error.message }, REFUSAL_REPORT_TIMEOUT_MS).catch(() => {})
    fail(error.message)
  })
}
const lockMs = process.env.STORYLOOM_WORKER_LOCK_MS ? Number(process.env.STORYLOOM_WORKER_LOCK_MS) : undefined
if (lockMs !== undefined && !(Number.isInteger(lockMs) && lockMs >= 1000)) fail('STORYLOOM_WORKER_LOCK_MS must be whole milliseconds, at least 1000')
// Checked above; inside the callbacks below TypeScript no longer knows they are set.
const serverUrl: string = settings.serverUrl
const workerToken: string = settings.workerToken
const stopTimeoutMs = Number(process.env.STORYLOOM_WORKER_STOP_TIMEOUT_MS ?? 60_000)
// As they may be printed: no user name, password or query (the token never goes in a line).
const redisAt = displayUrl(new URL(settings.redisUrl))
const serverAt = displayUrl(new URL(settings.serverUrl)).replace(/\/$/u, '')

// One id for the heartbeats and the BullMQ consumer: the server matches the two.
const workerId = randomUUID()
const jobs = new BullmqJobSource({ redisUrl: settings.redisUrl, prefix: settings.redisPrefix, workerId, ...(lockMs ? { lockMs } : {}) })
let refusedLater: ((error: WorkerRefusedError) => void) | undefined
const refusal = new Promise<WorkerRefusedError>((resolve) => (refusedLater = resolve))
// Listening from the start: a worker still waiting for its server stops as cleanly, and says so.
const stopping = new AbortController()
let started: Promise<RunningGenerationWorker | undefined> | undefined
let running: RunningGenerationWorker | undefined
stopOnSignals('storyloom worker', async (signal) => {
  console.log(`storyloom worker: ${signal}, ${running ? 'finishing the current job' : 'stopping'}`)
  stopping.abort()
  const worker = await started
  if (worker) await worker.close()
  else await jobs.close(0)
  console.log('storyloom worker: stopped')
})
/**
 * Waits for Redis, and opens the consumer's connection (taking no job yet), before the worker
 * announces itself: the server counts it from its first heartbeat, which says the connection is
 * open so the server watches it from then on. A worker that cannot reach Redis could take no job
 * (and, killed while it waits, would stay counted until its heartbeats expired, 30 s); one
 * announced before its connection, killed in between, would stay counted as long.
 */
async function redisConnected(): Promise<void> {
  // Say so when Redis keeps it waiting, rather than stay silent or claim to be taking jobs.
  const waiting = setTimeout(() => console.log(`storyloom worker: waiting for Redis at ${redisAt} (start it, or fix REDIS_URL)`), 3_000)
  await jobs.connected(stopping.signal)
  if (!stopping.signal.aborted) await jobs.ready() // Redis answered a moment ago
  clearTimeout(waiting)
  if (stopping.signal.aborted) throw new WorkerStoppedError('stopped while waiting for Redis')
}
started = redisConnected().then(() => startGenerationWorker({
  stopping: stopping.signal,
  workerId,
  queueConnected: true,
  jobs: {
    // One line per job taken, so an operator (or a test) can tell which worker ran what.
    process: (handler) =>
      jobs.process((job, ctx) => {
        console.log(`storyloom worker: took generation ${job.id} (attempt ${job.attempts})`)
        return handler(job, ctx)
      }),
    close: () => jobs.close(stopTimeoutMs),
  },
  serverUrl,
  workerToken,
  publishSignal: jobs.publishSignal,
  redisPrefix: settings.redisPrefix,
  modelsDir: settings.modelsDir,
  device: settings.device,
  ...(settings.preferredModelId ? { preferredModelId: settings.preferredModelId } : {}),
  ...(settings.stepDelayMs ? { stepDelayMs: settings.stepDelayMs } : {}),
  onRefused: (error) => {
    jobs.returnJobs() // now: the running job must not fail on its next upload
    refusedLater?.(error)
  },
})).catch(async (error: unknown) => {
  if (error instanceof WorkerStoppedError) return undefined // the signal handler says "stopped"
  if (!(error instanceof WorkerRefusedError)) throw error
  await jobs.close(0)
  fail(error.message)
})
running = await started
if (running) takeJobs(running)

/** Once the server has accepted it (it takes jobs from then on): watches for a later refusal. */
function takeJobs(worker: RunningGenerationWorker): void {
  // Its token was changed on the server: as at start, exit 2 with what to fix (a process
  // manager restarting it gets the same answer until the token is fixed).
  void refusal.then(async (error) => {
    console.error(`storyloom worker: ${error.message}`)
    console.error('storyloom worker: taking no more jobs; the running one, if any, goes back to the queue for another worker')
    await worker.close()
    fail('stopped: the server refused this worker')
  })

  console.log(`storyloom worker: ${worker.workerId} is taking jobs from ${redisAt} for the server at ${serverAt} (models: ${settings.modelsDir})`)
}
