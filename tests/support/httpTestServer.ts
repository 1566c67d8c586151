import { afterEach, beforeEach } from 'vitest'
import type { ServerConfig } from '@storyloom/server/config'
import { createApiClient, type ApiClient } from '@storyloom/server/http/apiClient'
import { startTestServer, type TestServer } from './testServer'

/** A test's own server and its typed API client (see {@link useHttpTestServer}). */
export type HttpTestServer = {
  /** The running server: a fresh one, on a fresh data directory, for each test. */
  readonly server: TestServer
  /** The typed Hono client (`hc<AppType>`) for {@link server}. */
  readonly api: ApiClient
}

/**
 * Starts a real server on port 0 with `overrides` before each test of the file and disposes of
 * it (and its data) after: the lifecycle of HTTP test files whose tests each need a clean server.
 */
export function useHttpTestServer(overrides: Partial<ServerConfig> = {}): HttpTestServer {
  let current: { server: TestServer; api: ApiClient } | undefined
  beforeEach(async () => {
    const server = await startTestServer(overrides)
    current = { server, api: createApiClient(server.url) }
  })
  afterEach(async () => {
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
