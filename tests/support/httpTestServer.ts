import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { ServerConfig } from '@storyloom/server/config'
import { createApiClient, type ApiClient } from '@storyloom/server/http/apiClient'
import { startTestServer, type TestServer } from './testServer'

/** A test's own server and its typed API client (see {@link useHttpTestServer}). */
export type HttpTestServer = {
  /** The running server: a fresh one, on a fresh data directory, for each test (or each file). */
  readonly server: TestServer
  /** The typed Hono client (`hc<AppType>`) for {@link server}. */
  readonly api: ApiClient
}

export type HttpTestServerOptions = {
  /**
   * `'test'` (the default): a fresh server for each test. `'file'`: one server for all the tests
   * of the file (or of the `describe` that calls it), for suites whose tests share setup made in a
   * `beforeAll` after this call, such as signed-up accounts.
   */
  per?: 'test' | 'file'
}

/**
 * Starts a real server on port 0 with `overrides` before each test of the file (or once, with
 * `per: 'file'`) and disposes of it (and its data) after: the lifecycle of HTTP test files.
 * Called inside a `describe`, it serves that block's tests only.
 */
export function useHttpTestServer(overrides: Partial<ServerConfig> = {}, { per = 'test' }: HttpTestServerOptions = {}): HttpTestServer {
  let current: { server: TestServer; api: ApiClient } | undefined
  const [before, after] = per === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach]
  before(async () => {
    const server = await startTestServer(overrides)
    current = { server, api: createApiClient(server.url) }
  })
  after(async () => {
    await current?.server.dispose()
    current = undefined
  })
  const started = () => {
    if (!current) throw new Error('the test server runs only inside a test')
    return current
  }
  return {
    get server() {
      return started().server
    },
    get api() {
      return started().api
    },
  }
}
