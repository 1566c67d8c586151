import { Hono } from 'hono'
import type { ApplyGlobalResponse } from 'hono/client'
import type { ApiErrorBody } from '@storyloom/shared/api/errors'
import type { AssetStore } from '../assets/assetStore'
import type { ServerConfig } from '../config'
import type { Db } from '../db/openDatabase'
import type { SyncServer } from '../sync/createSyncServer'
import { assetRoutes } from './assetRoutes'
import { boardRoutes } from './boardRoutes'
import { configRoutes } from './configRoutes'
import { handleError, handleNotFound } from './errors'
import { securityHeaders } from './securityHeaders'
import { serveCanvas } from './staticCanvas'
import { createVersionStore, type VersionStore } from '../versions/versionStore'
import { versionRoutes } from './versionRoutes'
import { createBoardHistoryStore } from '../history/boardHistoryStore'
import { historyRoutes } from './historyRoutes'

export type AppDeps = {
  db: Db
  config: ServerConfig
  /** Deleting a board closes its room; board history reads and changes live docs. */
  sync: Pick<SyncServer, 'closeBoard' | 'boardState' | 'changeBoard'>
  assets: AssetStore
  /** Defaults to the store over `db`. */
  versions?: VersionStore
}

/**
 * The HTTP app: the JSON API under /api (see docs/http-api.md) and, when built, the canvas.
 * Routes are chained so `AppType` carries them for Hono's typed client (`hc<AppType>`).
 */
export function createApp(deps: AppDeps) {
  const app = new Hono()
    .use(securityHeaders())
    .route('/api', configRoutes(deps))
    .route('/api/boards', boardRoutes(deps))
    .route('/api/boards', assetRoutes(deps))
    .route('/api/boards', versionRoutes({ db: deps.db, versions: deps.versions ?? createVersionStore(deps.db) }))
    .route('/api/boards', historyRoutes({ db: deps.db, history: createBoardHistoryStore(deps.db), sync: deps.sync }))
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
    409: { json: ApiErrorBody }
    413: { json: ApiErrorBody }
    415: { json: ApiErrorBody }
    422: { json: ApiErrorBody }
    500: { json: ApiErrorBody }
  }
>
