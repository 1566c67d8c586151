import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import type { ServerConfig } from '@storyloom/server/config'
import { WORKER_TOKEN_FILE } from '@storyloom/server/generation/workerToken'
import { WorkerError } from '@storyloom/gpu-worker/errors'

/** How generations run, as the start-up line says it. */
export type GenerationModeText = 'embedded' | 'embedded-no-worker' | 'redis'

type LineConfig = Pick<ServerConfig, 'dataDir' | 'authRequired' | 'host' | 'workerToken'>

/**
 * The line `pnpm start` prints once it listens: where, the data directory, how generations run
 * and whether people sign in (an admin turning accounts on wants to see them on; in local mode,
 * that anyone who reaches the address edits every board). Listening on every interface
 * (`HOST=0.0.0.0`), it also names this machine's network addresses — `localhost` is no address
 * for a collaborator or a worker on another machine — and in Redis mode where a worker finds the
 * token it needs.
 */
export function startupLine(url: string, config: LineConfig, generations: GenerationModeText, networkUrls = lanUrls(url, config.host)): string {
  const workerToken = config.workerToken ? 'STORYLOOM_WORKER_TOKEN' : join(config.dataDir, WORKER_TOKEN_FILE)
  const mode = {
    embedded: 'embedded queue, built-in worker',
    'embedded-no-worker': 'embedded queue, no worker',
    redis: `Redis queue, start workers with \`pnpm worker\` (worker token: ${workerToken})`,
  }[generations]
  const accounts = config.authRequired ? 'accounts: required, the first account made is the admin' : 'accounts: off, local only'
  const elsewhere = networkUrls.length > 0 ? `, on the network at ${networkUrls.join(', ')}` : ''
  return `Storyloom is running at ${url}${elsewhere}  (data: ${config.dataDir}; generations: ${mode}; ${accounts})`
}

/** `url` at each of this machine's non-loopback addresses, when `host` listens on all of them. */
export function lanUrls(url: string, host: string, interfaces = networkInterfaces()): string[] {
  if (host !== '0.0.0.0' && host !== '::') return []
  const port = new URL(url).port
  const addresses = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((address) => !address.internal && (address.family === 'IPv4' || host === '::'))
    .filter((address) => !address.address.startsWith('fe80:'))
  return addresses.map((address) => `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${port}`)
}

/**
 * What `pnpm start` prints when its built-in worker cannot start (the boards still work): one
 * line with the worker's own reason (a model folder it may not read; a STORYLOOM_MODEL that is not
 * installed stops the start instead), not a stack trace to dig it out of; an unexpected error keeps its stack.
 */
export function workerStartFailure(error: unknown): [string, ...unknown[]] {
  const head = '[storyloom] the built-in worker could not start, generations will wait in the queue until it can'
  if (error instanceof WorkerError) return [`${head}: ${error.message}`]
  return [`${head}:`, error]
}
