import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { StartupError } from './startupError'

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
  /** Origins allowed to open the sync socket and send API changes, besides the server's own. */
  allowedOrigins: string[]
  /** With it, generations go through BullMQ on this Redis and workers are `pnpm worker` processes; without it, the embedded queue. */
  redisUrl: string | undefined
  /** Key prefix of the queue and pub/sub channels in Redis (several instances can share one Redis). */
  redisPrefix: string
  /** The worker token from `STORYLOOM_WORKER_TOKEN`; absent: generated into `<dataDir>/worker-token`. */
  workerToken: string | undefined
  /** Most generations one person may have queued or running at once. */
  maxActiveGenerationsPerUser: number
  /** Days a deleted board stays in "Recently deleted" before it is deleted forever (`STORYLOOM_TRASH_DAYS`). */
  trashDays: number
  /**
   * Accounts mode: people sign in and boards have members. Off (local mode) only while the
   * server listens on loopback alone; `startServer` turns it on for any other host.
   */
  authRequired: boolean
  /**
   * Who may create an account (accounts mode): `open`, anyone who reaches the server; `invite`,
   * the first account (the admin) and then only people signing up from an unused invite link.
   */
  signUp: 'open' | 'invite'
  /** Attempts allowed per client address and window; tests raise or lower them. */
  rateLimits: RateLimits
  /**
   * Run a sample board through the sync path after listening (sync/syncWarmUp.ts), so the first
   * real board after a start does not pay for cold code. `STORYLOOM_SYNC_WARMUP=off` skips it
   * (the cold-load benchmark compares both).
   */
  syncWarmUp: boolean
}

/** `max` attempts per `windowMs`, per client address. */
export type RateLimit = { max: number; windowMs: number }
export type RateLimits = { signIn: RateLimit; signUp: RateLimit; generation: RateLimit; boardCreation: RateLimit }

const MINUTE = 60_000
export const defaultRateLimits: RateLimits = {
  /** Failed sign-ins per account (three times as many per client address). */
  signIn: { max: 10, windowMs: 5 * MINUTE },
  signUp: { max: 20, windowMs: 60 * MINUTE },
  generation: { max: 60, windowMs: MINUTE },
  /**
   * Boards created or duplicated per person and address: far above what anyone makes by hand
   * (a duplicate copies a whole board's doc and takes), low enough that a runaway script cannot
   * fill the disk in minutes.
   */
  boardCreation: { max: 30, windowMs: MINUTE },
}

/** True for hosts that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h)
}

const defaultCanvasDist = fileURLToPath(new URL('../../canvas/dist', import.meta.url))

/** Reads the server configuration from environment variables (see README, Configuration). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 5310 : DIGITS.test(env.PORT) ? Number(env.PORT) : NaN
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StartupError(`PORT must be a port number, got "${env.PORT}"`)
  // Empty (an empty line in a .env file) means the default, as for PORT: '' would listen on every interface.
  const host = env.HOST || '127.0.0.1'
  return {
    port,
    host,
    // pnpm runs package scripts from the package folder; INIT_CWD is where the user typed the command.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.STORYLOOM_DATA_DIR ?? 'data'),
    canvasDist: env.STORYLOOM_CANVAS_DIST ?? defaultCanvasDist,
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY || undefined,
    maxAssetBytes: maxAssetBytesFrom(env.STORYLOOM_MAX_ASSET_MB),
    allowedOrigins: allowedOriginsFrom(env.STORYLOOM_ALLOWED_ORIGINS),
    redisUrl: redisUrlFrom(env.REDIS_URL),
    redisPrefix: env.STORYLOOM_REDIS_PREFIX || 'storyloom',
    workerToken: env.STORYLOOM_WORKER_TOKEN || undefined,
    maxActiveGenerationsPerUser: positiveInteger('STORYLOOM_MAX_ACTIVE_GENERATIONS', env.STORYLOOM_MAX_ACTIVE_GENERATIONS, 20),
    trashDays: positiveInteger('STORYLOOM_TRASH_DAYS', env.STORYLOOM_TRASH_DAYS, 30, MAX_TRASH_DAYS),
    authRequired: authRequiredFrom(env.STORYLOOM_AUTH, host),
    signUp: oneOf('STORYLOOM_SIGNUP', env.STORYLOOM_SIGNUP, ['open', 'invite']),
    rateLimits: defaultRateLimits,
    syncWarmUp: onOff('STORYLOOM_SYNC_WARMUP', env.STORYLOOM_SYNC_WARMUP, true),
  }
}

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  if (value === 'on' || value === 'off') return value === 'on'
  throw new StartupError(`${name} must be "on" or "off", got "${value}"`)
}

/** One of `values` (the first when unset or empty). */
function oneOf<T extends string>(name: string, value: string | undefined, values: readonly [T, ...T[]]): T {
  if (value === undefined || value === '') return values[0]
  if ((values as readonly string[]).includes(value)) return value as T
  throw new StartupError(`${name} must be ${values.map((v) => `"${v}"`).join(' or ')}, got "${value}"`)
}

function authRequiredFrom(value: string | undefined, host: string): boolean {
  if (value !== undefined && value !== '' && value !== 'required' && value !== 'local') {
    throw new StartupError(`STORYLOOM_AUTH must be "required" or "local", got "${value}"`)
  }
  if (!isLoopbackHost(host)) {
    if (value === 'local') throw new StartupError(`STORYLOOM_AUTH=local is only allowed while HOST is a loopback address, not "${host}"`)
    return true
  }
  return value === 'required'
}

/** Settings are written as plain digits: `Number` would also take `1e3`, `0x50` or ` 80`, which are typos here. */
const DIGITS = /^\d+$/
const DECIMAL = /^\d+(\.\d+)?$/

function maxAssetBytesFrom(value: string | undefined): number {
  const bytes = Math.round(positiveNumber('STORYLOOM_MAX_ASSET_MB', value, 25) * 1024 * 1024)
  if (bytes < 1) throw new StartupError(`STORYLOOM_MAX_ASSET_MB is less than one byte, so every upload would be refused, got "${value}"`)
  return bytes
}

/**
 * The most days `STORYLOOM_TRASH_DAYS` may say: 100 years, "keep them" for anyone. A billion days
 * ("never") is past the last date JavaScript has, and every Recently deleted list answered 500.
 */
export const MAX_TRASH_DAYS = 36_500

function positiveInteger(name: string, value: string | undefined, fallback: number, max = Infinity): number {
  if (value === undefined || value === '') return fallback
  const parsed = DIGITS.test(value) ? Number(value) : NaN
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    const range = max === Infinity ? 'of at least 1' : `from 1 to ${max}`
    throw new StartupError(`${name} must be a whole number ${range}, got "${value}"`)
  }
  return parsed
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const parsed = DECIMAL.test(value) ? Number(value) : NaN
  if (!Number.isFinite(parsed) || parsed <= 0) throw new StartupError(`${name} must be a number above 0, got "${value}"`)
  return parsed
}

/** Each listed origin as a browser sends it (`https://host[:port]`); one no browser could send is an error, not a silent 403 on every change. */
function allowedOriginsFrom(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const url = urlOrUndefined(entry)
    if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
      throw new StartupError(`STORYLOOM_ALLOWED_ORIGINS: "${entry}" is not an origin; write each as the address people open, e.g. https://boards.example.com or http://10.0.0.5:8080`)
    }
    return url.origin
  })
}

function redisUrlFrom(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  const url = urlOrUndefined(value)
  if (url?.protocol !== 'redis:' && url?.protocol !== 'rediss:') {
    throw new StartupError(`REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379, got "${redactedUrl(value)}"`)
  }
  return value
}

function urlOrUndefined(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

/** A URL as it may be printed: its password replaced by ***. */
export function redactedUrl(value: string): string {
  try {
    const url = new URL(value)
    if (url.password) url.password = '***'
    return url.toString()
  } catch {
    return value.replace(/:[^:@/]*@/u, ':***@')
  }
}
