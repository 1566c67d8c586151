import { Hono, type Context } from 'hono'
import type { ApplyGlobalResponse } from 'hono/client'
import type { ApiErrorBody } from '@storyloom/shared/api/errors'
import type { Principal } from '../access/principal'
import type { AssetStore } from '../assets/assetStore'
import type { ServerConfig } from '../config'
import type { Db } from '../db/openDatabase'
import type { SyncServer } from '../sync/createSyncServer'
import type { BoardListHub } from '../events/boardListHub'
import { assetRoutes } from './assetRoutes'
import type { AuthEnv } from './authEnv'
import { accountRoutes } from './accountRoutes'
import { authRoutes } from './authRoutes'
import { boardAccess } from './boardAccess'
import { boardListEventRoutes } from './boardListEventRoutes'
import { boardRoutes } from './boardRoutes'
import { trashRoutes } from './trashRoutes'
import { configRoutes, serverVersion } from './configRoutes'
import type { GenerationRuntime } from '../generation/generationRuntime'
import { generationRoutes } from './generationRoutes'
import { modelRoutes } from './modelRoutes'
import { identifyRequester, type IdentifyRequester } from './requester'
import { workerRoutes } from './workerRoutes'
import { handleError, handleNotFound } from './errors'
import { inviteRoutes } from './inviteRoutes'
import { memberRoutes } from './memberRoutes'
import { PasswordAttempts } from './passwordAttempts'
import { passwordResetRoutes } from './passwordResetRoutes'
import { limitPosts, RateLimiter } from './rateLimit'
import { sameOriginWrites } from './sameOriginWrites'
import { securityHeaders } from './securityHeaders'
import { requirePrincipal, resolvePrincipal, signedIn } from './sessionCookie'
import { serveCanvas } from './staticCanvas'
import type { VersionStore } from '../versions/versionStore'
import { versionRoutes } from './versionRoutes'
import { announceHistoryChanges } from '../history/announcedHistoryStore'
import { createBoardHistoryStore } from '../history/boardHistoryStore'
import { historyRoutes } from './historyRoutes'
import { commentRoutes } from './commentRoutes'
import { reviewRoutes } from './reviewRoutes'
import { shareLinkRoutes } from './shareLinkRoutes'

export type AppDeps = {
  db: Db
  config: ServerConfig
  /** Deleting a board closes its room; role changes reach open connections; board history and duplicating read (and history changes) live docs. */
  sync: Pick<SyncServer, 'closeBoard' | 'updateAccess' | 'closeAccount' | 'closeEndedSessions' | 'boardRenamed' | 'membersChanged' | 'boardState' | 'changeBoard' | 'withRoom'>
  assets: AssetStore
  generation: GenerationRuntime
  /** Who is asking; default: the canvas's identity headers (see requester.ts). */
  identify?: IdentifyRequester
  /** Defaults to the generation runtime's, which announces every change on the board's events. */
  versions?: VersionStore
  /** Each person's board-list stream: board routes, member changes and invites announce on it. */
  boardList: BoardListHub
}

/** Who a request under /api/boards/:boardId is (a review link's visitor included), as the access check found. */
const boardPrincipal = (c: Context<AuthEnv>): Principal => c.get('boardAccess').principal

/**
 * The HTTP app: the JSON API under /api (see docs/http-api.md) and, when built, the canvas.
 * Routes are chained so `AppType` carries them for Hono's typed client (`hc<AppType>`).
 */
export function createApp(deps: AppDeps) {
  const { db, config, generation } = deps
  const generationLimit = new RateLimiter(config.rateLimits.generation)
  const boardCreationLimit = new RateLimiter(config.rateLimits.boardCreation)
  // One set of failed-password limits for sign-in, changing a password, deleting one's account and reset links.
  const passwordAttempts = new PasswordAttempts(config.rateLimits.signIn)
  const app = new Hono<AuthEnv>()
    .use(securityHeaders())
    .use('/api/*', sameOriginWrites(config.allowedOrigins), resolvePrincipal(db, config.authRequired))
    // Access checks, mounted once: every route under /api/boards/:boardId inherits them.
    .use('/api/boards', signedIn)
    .use('/api/trash', signedIn)
    .use('/api/boards', limitPosts(boardCreationLimit, 'new boards', requirePrincipal))
    .use('/api/boards/:boardId', boardAccess(db))
    .use('/api/boards/:boardId/*', boardAccess(db))
    .use('/api/boards/:boardId/duplicate', limitPosts(boardCreationLimit, 'new boards', boardPrincipal))
    .use('/api/boards/:boardId/generations', limitPosts(generationLimit, 'generations', boardPrincipal))
    .route('/api', configRoutes(deps))
    .route('/api', modelRoutes({ workers: generation.workers, version: serverVersion }))
    .route('/api', authRoutes({ ...deps, passwordAttempts }))
    .route('/api/auth/password-reset', passwordResetRoutes({ ...deps, passwordAttempts }))
    .route('/api/invites', inviteRoutes(deps))
    .route('/api/accounts', accountRoutes({ ...deps, passwordAttempts }))
    .route('/api/board-list', boardListEventRoutes(deps))
    .route('/api/boards', boardRoutes(deps))
    .route('/api/trash', trashRoutes(deps))
    .route('/api/boards', memberRoutes(deps))
    .route('/api/boards', assetRoutes(deps))
    .route('/api/boards', versionRoutes({ db: deps.db, versions: deps.versions ?? generation.versions, assets: deps.assets }))
    .route('/api/boards', historyRoutes({ db: deps.db, history: announceHistoryChanges(createBoardHistoryStore(deps.db), generation.events), sync: deps.sync }))
    .route('/api/boards', generationRoutes({ db: deps.db, service: generation.service, events: generation.events, identify: deps.identify ?? identifyRequester }))
    .route(
      '/api/worker',
      workerRoutes({ db: deps.db, token: generation.workerToken, queue: generation.queue, service: generation.service, workers: generation.workers, assets: deps.assets, results: generation.results, maxAssetBytes: deps.config.maxAssetBytes,
        jobsWaitIn: deps.config.redisUrl ? { redisPrefix: deps.config.redisPrefix } : null }),
    )
  // Client review, typed on its own (ReviewApiType): in AppType the whole API would be more than
  // TypeScript can write out for the canvas's typed client (TS7056).
  app.route('/', reviewApi(deps))
  app.onError(handleError)
  app.notFound(handleNotFound)
  const canvas = serveCanvas(deps.config.canvasDist)
  if (canvas) app.use(canvas)
  return app
}

/**
 * Share links and comments under /api/boards (behind the board access check mounted in
 * createApp), and /api/review/:token for people with a review link (no account: the token and
 * passcode decide; outside /api/boards on purpose). See docs/review-api.md.
 */
function reviewApi(deps: AppDeps) {
  return new Hono<AuthEnv>()
    .route('/api/boards', shareLinkRoutes(deps))
    .route('/api/boards', commentRoutes(deps))
    .route('/api/review', reviewRoutes(deps))
}

/** The client-review routes for `hc<ReviewApiType>` (see reviewApi). */
export type ReviewApiType = ReturnType<typeof reviewApi>

/**
 * The app's routes for `hc<AppType>`, including the error bodies `onError` can answer any route
 * with, so `await res.json()` is typed on failure too.
 */
export type AppType = ApplyGlobalResponse<
  ReturnType<typeof createApp>,
  {
    400: { json: ApiErrorBody }
    401: { json: ApiErrorBody }
    403: { json: ApiErrorBody }
    404: { json: ApiErrorBody }
    409: { json: ApiErrorBody }
    410: { json: ApiErrorBody }
    413: { json: ApiErrorBody }
    415: { json: ApiErrorBody }
    422: { json: ApiErrorBody }
    429: { json: ApiErrorBody }
    500: { json: ApiErrorBody }
  }
>
