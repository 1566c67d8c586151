import { parseDeviceRequest, type DeviceRequest } from '../models/executionProviders'
import { modelsDirProblem, resolveModelsDir } from '../models/modelsDir'

/** What `pnpm worker` reads from its environment (see the package README). */
export type WorkerSettings = {
  /** `REDIS_URL`: the BullMQ queue (required for a separate worker process). */
  redisUrl: string | undefined
  /** `STORYLOOM_REDIS_PREFIX` (default `storyloom`), the same as the server's. */
  redisPrefix: string
  /** `STORYLOOM_SERVER_URL`: where results are uploaded. */
  serverUrl: string | undefined
  /** `STORYLOOM_WORKER_TOKEN`: the server's worker token. */
  workerToken: string | undefined
  modelsDir: string
  /** `STORYLOOM_DEVICE`: auto (default), cpu, cuda or cuda:N. */
  device: DeviceRequest
  /** `STORYLOOM_MODEL`: the default model id. */
  preferredModelId: string | undefined
  /** `STORYLOOM_TEST_STEP_DELAY_MS` — TEST ONLY: make every denoising step this much longer. */
  stepDelayMs: number | undefined
}

export function workerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  const delay = env.STORYLOOM_TEST_STEP_DELAY_MS
  const stepDelayMs = delay ? Number(delay) : undefined
  if (stepDelayMs !== undefined && !(Number.isInteger(stepDelayMs) && stepDelayMs >= 0 && stepDelayMs <= 60_000)) {
    throw new Error(`STORYLOOM_TEST_STEP_DELAY_MS must be whole milliseconds from 0 to 60000, got "${delay}"`)
  }
  const modelsDir = resolveModelsDir(env)
  const problem = modelsDirProblem(modelsDir)
  if (problem !== undefined) throw new Error(problem)
  return {
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.STORYLOOM_REDIS_PREFIX || 'storyloom',
    serverUrl: env.STORYLOOM_SERVER_URL || undefined,
    workerToken: env.STORYLOOM_WORKER_TOKEN || undefined,
    modelsDir,
    device: parseDeviceRequest(env.STORYLOOM_DEVICE),
    preferredModelId: env.STORYLOOM_MODEL || undefined,
    stepDelayMs: stepDelayMs || undefined,
  }
}

/** Parses `value` as a URL, or undefined when it is not one. */
function urlOf(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

/**
 * What is wrong with the addresses in `settings`, in a line an operator can act on, or
 * undefined when both can be used. A `host:port` without a scheme parses as a URL of scheme
 * `host:` (or not at all), and would fail later with a stack trace or wait silently.
 */
export function workerAddressProblem({ redisUrl, serverUrl }: Pick<WorkerSettings, 'redisUrl' | 'serverUrl'>): string | undefined {
  const redis = redisUrl === undefined ? undefined : urlOf(redisUrl)
  if (redisUrl !== undefined && redis?.protocol !== 'redis:' && redis?.protocol !== 'rediss:') {
    return `REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379, got "${redisUrl.replace(/:[^:@/]*@/u, ':***@')}"`
  }
  const server = serverUrl === undefined ? undefined : urlOf(serverUrl)
  if (serverUrl !== undefined && server?.protocol !== 'http:' && server?.protocol !== 'https:') {
    return `STORYLOOM_SERVER_URL must be the server's http:// or https:// address, e.g. http://storyloom.internal:5310, got "${serverUrl}"`
  }
  return undefined
}
