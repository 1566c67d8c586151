import { Hono } from 'hono'
import type { ApplyGlobalResponse } from 'hono/client'
import type { ApiErrorBody } from '@storyloom/shared/api/errors'
import type { AssetStore } from '../assets/assetStore'
import type { ServerConfig } from '../config'
import type { Db } from '../db/openDatabase'
import type { SyncServer } from '../sync/createSyncServer'
import { assetRoutes } from './assetRoutes'
import { boardRoutes } from './boardRoutes'
import { configRoutes, serverVersion } from './configRoutes'
import type { GenerationRuntime } from '../generation/generationRuntime'
import { generationRoutes } from './generationRoutes'
import { modelRoutes } from './modelRoutes'
import { identifyFromHeaders, type IdentifyRequester } from './requester'
import { workerRoutes } from './workerRoutes'
import { boards } from '../db/schema'
import { eq } from 'drizzle-orm'
import { handleError, handleNotFound } from './errors'
import { securityHeaders } from './securityHeaders'
import { serveCanvas } from './staticCanvas'

export type AppDeps = {
  db: Db
  config: ServerConfig
  /** Only `closeBoard` is used: deleting a board closes its room. */
  sync: Pick<SyncServer, 'closeBoard'>
  assets: AssetStore
  generation: GenerationRuntime
  /** Who is asking; default: the canvas's identity headers (see requester.ts). */
  identify?: IdentifyRequester
}

/**
 * The HTTP app: the JSON API under /api (see docs/http-api.md) and, when built, the canvas.
 * Routes are chained so `AppType` carries them for Hono's typed client (`hc<AppType>`).
 */
export function createApp(deps: AppDeps) {
  const { generation, db } = deps
  const boardExists = (boardId: string) => db.select({ id: boards.id }).from(boards).where(eq(boards.id, boardId)).get() !== undefined
  const app = new Hono()
    .use(securityHeaders())
    .route('/api', configRoutes(deps))
    .route('/api', modelRoutes({ workers: generation.workers, version: serverVersion }))
    .route('/api/boards', boardRoutes(deps))
    .route('/api/boards', assetRoutes(deps))
    .route('/api/boards', generationRoutes({ service: generation.service, events: generation.events, identify: deps.identify ?? identifyFromHeaders, boardExists }))
    .route(
      '/api/worker',
      workerRoutes({ token: generation.workerToken, queue: generation.queue, workers: generation.workers, assets: deps.assets, results: generation.results, maxAssetBytes: deps.config.maxAssetBytes }),
    )
  app.onError(handleError)
  app.notFound(handleNotFound)
  const canvas = serveCanvas(deps.config.canvasDist)
  if (canvas) app.use(canvas)
  return app
}

/**
 * The app's routes for `hc<AppType>`, including the error bodies `onError` can answer any route
 * with, so `await res.json()` is typed on failure too.
 */
export type AppType = ApplyGlobalResponse<
  ReturnType<typeof createApp>,
  {
    400: { json: ApiErrorBody }
    404: { json: ApiErrorBody }
    413: { json: ApiErrorBody }
    415: { json: ApiErrorBody }
    422: { json: ApiErrorBody }
    429: { json: ApiErrorBody }
    500: { json: ApiErrorBody }
  }
>
