import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStoryloom, type RunningStoryloom } from '@storyloom/app/startStoryloom'
import type { CreateGenerationsRequest } from '@storyloom/shared/generation/api'
import { configFromEnv, type ServerConfig } from '@storyloom/server/config'
import { USER_ID_HEADER, USER_NAME_HEADER } from '@storyloom/server/http/requester'
import { sharedModelsDir } from './sharedModelsDir'
import { syncUrlOf } from './syncClient'

// Kept in its own file so browser tests can use it without loading the server into Playwright.
export { sharedModelsDir } from './sharedModelsDir'

export type GenerationTestServer = RunningStoryloom & {
  dataDir: string
  syncUrl: string
  /** POST a create request as `user` (default u1). */
  generate(boardId: string, body: CreateGenerationsRequest, opts?: { user?: string; idempotencyKey?: string }): Promise<Response>
  dispose(): Promise<void>
}

/**
 * Starts Storyloom as `pnpm start` does (server + in-process worker on the embedded queue, or
 * the BullMQ queue when `redisUrl` is given) on port 0 with a fresh data directory, or with
 * `overrides.dataDir` (a restart: that server's data). `dispose` deletes the data directory.
 */
export async function startGenerationServer(overrides: Partial<ServerConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<GenerationTestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'storyloom-gen-'))
  const config: ServerConfig = { ...configFromEnv({}), port: 0, host: '127.0.0.1', canvasDist: undefined, ...overrides, dataDir }
  const app = await startStoryloom(config, { STORYLOOM_MODELS_DIR: sharedModelsDir, STORYLOOM_DEVICE: 'cpu', ...env })
  return {
    ...app,
    dataDir,
    syncUrl: syncUrlOf(app.url),
    generate(boardId, body, opts = {}) {
      const user = opts.user ?? 'u1'
      return fetch(`${app.url}/api/boards/${boardId}/generations`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          'Content-Type': 'application/json',
          [USER_ID_HEADER]: user,
          [USER_NAME_HEADER]: encodeURIComponent(`Person ${user}`),
          ...(opts.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {}),
        },
      })
    },
    async dispose() {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
