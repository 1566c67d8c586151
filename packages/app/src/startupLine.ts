import type { ServerConfig } from '@storyloom/server/config'

/** How generations run, as the start-up line says it. */
export type GenerationModeText = 'embedded' | 'embedded-no-worker' | 'redis'

/**
 * The line `pnpm start` prints once it listens: where, the data directory, how generations run
 * and whether people sign in (an admin turning accounts on wants to see them on; in local mode,
 * that anyone who reaches the address edits every board).
 */
export function startupLine(url: string, config: Pick<ServerConfig, 'dataDir' | 'authRequired'>, generations: GenerationModeText): string {
  const mode = {
    embedded: 'embedded queue, built-in worker',
    'embedded-no-worker': 'embedded queue, no worker',
    redis: 'Redis queue, start workers with `pnpm worker`',
  }[generations]
  const accounts = config.authRequired ? 'accounts: required, the first account made is the admin' : 'accounts: off, local only'
  return `Storyloom is running at ${url}  (data: ${config.dataDir}; generations: ${mode}; ${accounts})`
}
