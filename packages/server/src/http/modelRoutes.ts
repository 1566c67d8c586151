import { Hono } from 'hono'
import type { ModelListResponse } from '@storyloom/shared/generation/api'
import type { WorkerRegistry } from '../generation/workerRegistry'
import { openApiDocument } from './openApiDocument'

/** GET /api/models (what live workers can run) and GET /api/openapi.json. */
export function modelRoutes({ workers, version }: { workers: WorkerRegistry; version: string }) {
  // Built once: the schemas do not change while the server runs.
  const openApi = openApiDocument(version)
  return new Hono()
    .get('/models', (c) => c.json({ models: workers.models(), workers: workers.count(), lastRefusal: workers.lastRefusal() } satisfies ModelListResponse, 200))
    // Served as text: the document is plain JSON, and Hono's typed client need not model it.
    .get('/openapi.json', (c) => c.body(JSON.stringify(openApi), 200, { 'Content-Type': 'application/json' }))
}
