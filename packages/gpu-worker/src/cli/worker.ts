/**
 * `pnpm worker`: one generation worker process (one per GPU), taking jobs from the server's
 * BullMQ queue on Redis and sending results to the server over HTTP. Configured by env — see
 * the package README. SIGTERM/SIGINT: stop taking jobs, finish the current one (or, after
 * STORYLOOM_WORKER_STOP_TIMEOUT_MS, leave it for another worker), then exit.
 */
import { BullmqJobSource } from '../service/bullmqJobSource'
import { displayUrl } from '../install/downloadArchive'
import { startGenerationWorker } from '../service/startGenerationWorker'
import { stopOnSignals } from '../service/stopOnSignals'
import { WorkerRefusedError } from '../service/waitForServer'
import { workerSettingsFromEnv } from '../service/workerSettings'

function fail(message: string): never {
  console.error(`storyloom worker: ${message}`)
  process.exit(2)
}

const settings = workerSettingsFromEnv()
if (!settings.redisUrl) fail('REDIS_URL is not set. A separate worker takes jobs from Redis; without Redis, `pnpm start` runs a worker inside the server.')
if (!settings.serverUrl) fail('STORYLOOM_SERVER_URL is not set (e.g. http://storyloom.internal:5310): results are uploaded there.')
if (!settings.workerToken) fail("STORYLOOM_WORKER_TOKEN is not set: copy it from the server's data directory (worker-token).")
const lockMs = process.env.STORYLOOM_WORKER_LOCK_MS ? Number(process.env.STORYLOOM_WORKER_LOCK_MS) : undefined
if (lockMs !== undefined && !(Number.isInteger(lockMs) && lockMs >= 1000)) fail('STORYLOOM_WORKER_LOCK_MS must be whole milliseconds, at least 1000')
const stopTimeoutMs = Number(process.env.STORYLOOM_WORKER_STOP_TIMEOUT_MS ?? 60_000)

const jobs = new BullmqJobSource({ redisUrl: settings.redisUrl, prefix: settings.redisPrefix, ...(lockMs ? { lockMs } : {}) })
const worker = await startGenerationWorker({
  jobs: {
    // One line per job taken, so an operator (or a test) can tell which worker ran what.
    process: (handler) =>
      jobs.process((job, ctx) => {
        console.log(`storyloom worker: took generation ${job.id} (attempt ${job.attempts})`)
        return handler(job, ctx)
      }),
    close: () => jobs.close(stopTimeoutMs),
  },
  serverUrl: settings.serverUrl,
  workerToken: settings.workerToken,
  publishSignal: jobs.publishSignal,
  redisPrefix: settings.redisPrefix,
  modelsDir: settings.modelsDir,
  device: settings.device,
  ...(settings.preferredModelId ? { preferredModelId: settings.preferredModelId } : {}),
  ...(settings.stepDelayMs ? { stepDelayMs: settings.stepDelayMs } : {}),
}).catch(async (error: unknown) => {
  if (!(error instanceof WorkerRefusedError)) throw error
  await jobs.close(0)
  fail(error.message)
})
stopOnSignals(async (signal) => {
  console.log(`storyloom worker: ${signal}, finishing the current job`)
  await worker.close()
  console.log('storyloom worker: stopped')
})

// Say so when Redis keeps it waiting, rather than claim to be taking jobs it cannot see.
const redisAt = displayUrl(new URL(settings.redisUrl))
const waiting = setTimeout(() => console.log(`storyloom worker: waiting for Redis at ${redisAt} (start it, or fix REDIS_URL)`), 3_000)
await jobs.ready()
clearTimeout(waiting)
console.log(`storyloom worker ${worker.workerId} is taking jobs from ${redisAt} (models: ${settings.modelsDir})`)
