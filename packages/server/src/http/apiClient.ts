import { hc, type ClientRequestOptions } from 'hono/client'
import type { AppType } from './createApp'

/**
 * Hono's typed client for the API at `baseUrl` (for tests, benchmarks and tools). The canvas
 * builds its own with `hc<AppType>` and `import type`, so it never imports server code.
 */
export function createApiClient(baseUrl: string, options?: ClientRequestOptions): ApiClient {
  return hc<AppType>(baseUrl, options)
}
/** Written out by name: the inferred type of the whole API is more than declarations may spell (TS7056). */
export type ApiClient = ReturnType<typeof hc<AppType>>
