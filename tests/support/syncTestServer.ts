import { afterAll, afterEach, beforeAll } from 'vitest'
import type { ServerConfig } from '@storyloom/server/config'
import { createApiClient, type ApiClient } from '@storyloom/server/http/apiClient'
import { pagesOf } from './boardFixtures'
import { connectClient, createBoard, type ConnectOptions, type SyncClient } from './syncClient'
import { startTestServer, type TestServer } from './testServer'

/** A test file's server and the sync clients its tests open, torn down for it. */
export type SyncTestServer = {
  /** The running server (a new one after {@link restart}). */
  readonly server: TestServer
  /** The typed Hono client (`hc<AppType>`) for {@link server}, signed in as nobody. */
  readonly api: ApiClient
  /**
   * Connects a y-websocket client to `boardId` (on this server, or on `syncUrl`: a sync endpoint
   * or process a test starts itself); it is destroyed after the test.
   */
  connect(boardId: string, options?: ConnectOptions & { syncUrl?: string }): SyncClient
  /** {@link connect}, resolving once the client has synced with the server. */
  connected(boardId: string, options?: ConnectOptions & { syncUrl?: string }): Promise<SyncClient>
  /** A new board with two clients connected and synced (destroyed after the test), and its page. */
  twoClientsOnBoard(): Promise<{ boardId: string; a: SyncClient; b: SyncClient; page: BoardPage }>
  /** Destroys the open clients and restarts the server on the same data directory. */
  restart(): Promise<TestServer>
}

/** A board's page record, as a synced client reads it. */
export type BoardPage = ReturnType<typeof pagesOf>[number]

/**
 * Starts a real server on port 0 for the whole file (vitest hooks), destroys each test's clients
 * after it, and disposes of the server at the end: the lifecycle every sync test file needs.
 */
export function useSyncTestServer(overrides: Partial<ServerConfig> = {}): SyncTestServer {
  let current: TestServer | undefined
  const clients: SyncClient[] = []
  const destroyClients = () => {
    for (const client of clients.splice(0)) client.destroy()
  }
  beforeAll(async () => {
    current = await startTestServer(overrides)
  })
  afterEach(destroyClients)
  afterAll(async () => {
    await current?.dispose()
  })
  const ctx: SyncTestServer = {
    get server() {
      if (!current) throw new Error('the test server is not started yet (use it inside a test)')
      return current
    },
    get api() {
      return createApiClient(ctx.server.url)
    },
    connect(boardId, { syncUrl = ctx.server.syncUrl, ...options } = {}) {
      const client = connectClient(syncUrl, boardId, options)
      clients.push(client)
      return client
    },
    async connected(boardId, options) {
      const client = ctx.connect(boardId, options)
      await client.synced()
      return client
    },
    async twoClientsOnBoard() {
      const boardId = createBoard(ctx.server.db)
      const a = ctx.connect(boardId)
      const b = ctx.connect(boardId)
      await Promise.all([a.synced(), b.synced()])
      const page = pagesOf(a.doc)[0]
      if (!page) throw new Error(`board ${boardId} has no page after sync`)
      return { boardId, a, b, page }
    },
    async restart() {
      destroyClients()
      current = await ctx.server.restart()
      return current
    },
  }
  return ctx
}
