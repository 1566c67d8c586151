import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { configFromEnv, type ServerConfig } from '@storyloom/server/config'
import { startServer, type RunningServer } from '@storyloom/server/startServer'
import { syncUrlOf } from './syncClient'

export type TestServer = RunningServer & {
  dataDir: string
  config: ServerConfig
  /** ws://host:port/sync — pass to WebsocketProvider with the board id as room name. */
  syncUrl: string
  /** Restarts on the same data directory (and port 0: the port changes). */
  restart(): Promise<TestServer>
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>
}

/** Starts a real Storyloom server on port 0 with a fresh data directory. */
export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'storyloom-test-'))
  const config: ServerConfig = {
    ...configFromEnv({}),
    port: 0,
    host: '127.0.0.1',
    canvasDist: undefined,
    // The warm-up (~150 ms of CPU per start) only speeds up a first board; integration tests start
    // hundreds of servers and do not time that. syncWarmUp.test.ts and the e2e servers keep it on.
    syncWarmUp: false,
    ...overrides,
    dataDir,
  }
  const server = await startServer(config)
  const wrapped: TestServer = {
    ...server,
    dataDir,
    config,
    syncUrl: syncUrlOf(server.url),
    async restart() {
      await server.close()
      return startTestServer({ ...overrides, dataDir })
    },
    async dispose() {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return wrapped
}
