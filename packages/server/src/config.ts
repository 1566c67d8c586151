import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Everything the server reads from its environment, resolved once at start. */
export type ServerConfig = {
  /** Port to listen on; 0 picks a free one (tests). */
  port: number
  host: string
  /** Holds the SQLite database and the asset files. */
  dataDir: string
  /** Built canvas (vite build output) served at `/`; absent in API-only tests. */
  canvasDist: string | undefined
  /** tldraw production license key, handed to the canvas. Not needed on localhost. */
  tldrawLicenseKey: string | undefined
  /** Largest asset upload accepted, in bytes. */
  maxAssetBytes: number
  /** Origins allowed to open the sync socket, besides the server's own. */
  allowedOrigins: string[]
  /** With it, generations go through BullMQ on this Redis and workers are `pnpm worker` processes; without it, the embedded queue. */
  redisUrl: string | undefined
  /** Key prefix of the queue and pub/sub channels in Redis (several instances can share one Redis). */
  redisPrefix: string
  /** The worker token from `STORYLOOM_WORKER_TOKEN`; absent: generated into `<dataDir>/worker-token`. */
  workerToken: string | undefined
  /** Most generations one person may have queued or running at once. */
  maxActiveGenerationsPerUser: number
}

const defaultCanvasDist = fileURLToPath(new URL('../../canvas/dist', import.meta.url))

/** Reads the server configuration from environment variables (see README, Configuration). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 5310)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    // pnpm runs package scripts from the package folder; INIT_CWD is where the user typed the command.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.STORYLOOM_DATA_DIR ?? 'data'),
    canvasDist: env.STORYLOOM_CANVAS_DIST ?? defaultCanvasDist,
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY || undefined,
    maxAssetBytes: Number(env.STORYLOOM_MAX_ASSET_MB ?? 25) * 1024 * 1024,
    allowedOrigins: (env.STORYLOOM_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.STORYLOOM_REDIS_PREFIX || 'storyloom',
    workerToken: env.STORYLOOM_WORKER_TOKEN || undefined,
    maxActiveGenerationsPerUser: positiveInteger('STORYLOOM_MAX_ACTIVE_GENERATIONS', env.STORYLOOM_MAX_ACTIVE_GENERATIONS, 20),
  }
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a whole number of at least 1, got "${value}"`)
  return parsed
}
