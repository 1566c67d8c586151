import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { isLoopbackHost, type ServerConfig } from './config'
import { StartupError } from './startupError'
import { openDatabase, type Db } from './db/openDatabase'
import { boardEditAnnouncer } from './events/boardEditAnnouncer'
import { BoardListHub } from './events/boardListHub'
import { memberIds } from './access/memberships'
import { ASSETS_FOLDER, DATABASE_FILE, prepareDataDir } from './dataDir'
import { createApp } from './http/createApp'
import { createSyncServer, type SyncServer } from './sync/createSyncServer'
import { allowEveryone } from './sync/authorize'
import { reviewAuthorize } from './sync/reviewAuthorize'
import { watchReviewExpiry } from './review/reviewExpiry'
import { sessionAuthorize } from './sync/sessionAuthorize'
import { createAssetStore } from './assets/assetStore'
import { startGenerationRuntime, type GenerationRuntime } from './generation/generationRuntime'
import { warmUpSync, type SyncWarmUpResult } from './sync/syncWarmUp'
import { startTrashSweeper, type TrashSweeper } from './boards/trashSweeper'
import { measureRecordedTakes, type RecordedTakeSizesResult } from './versions/recordedTakeSizes'

export type RunningServer = {
  /** http://host:port */
  url: string
  port: number
  db: Db
  sync: SyncServer
  /** Generations: queue, events, worker token; `generation.embedded` is what an in-process worker runs on. */
  generation: GenerationRuntime
  /**
   * The sync warm-up started after listening (see sync/syncWarmUp.ts): what it did, or
   * undefined when it is off or failed (logged; the server works without it).
   */
  syncWarmUp: Promise<SyncWarmUpResult | undefined>
  /**
   * The start's read of take files recorded before the server read their headers (see
   * versions/recordedTakeSizes.ts): what it did, or undefined when it failed (logged).
   */
  takeSizes: Promise<RecordedTakeSizesResult | undefined>
  /** The purge of "Recently deleted" (swept at start and hourly); `trash.sweep(at)` runs one now, as at time `at`. */
  trash: TrashSweeper
  /** Stops accepting connections, flushes rooms to disk and closes the database. */
  close(): Promise<void>
}

/** Starts Storyloom: HTTP API, sync endpoint and (if built) the canvas, in one process. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  prepareDataDir(config.dataDir, { workerTokenFile: !config.workerToken })
  const db = openDatabase(join(config.dataDir, DATABASE_FILE))
  const assets = createAssetStore({ dir: join(config.dataDir, ASSETS_FOLDER), db })
  // Boards in "Recently deleted" longer than STORYLOOM_TRASH_DAYS go for good, at start and hourly.
  const trash = startTrashSweeper({ db, assets, trashDays: config.trashDays })
  // Files left by boards deleted while a cleanup could not finish (a crash, a full disk).
  assets.removeUnreferenced().catch((error: unknown) => console.error('[assets] cleanup at start failed:', error))
  // Local mode only while nobody but this machine can reach the server, whatever the config says.
  if (!config.authRequired && !isLoopbackHost(config.host)) config = { ...config, authRequired: true }
  const boardList = new BoardListHub()
  // Edits inside a board move it up on the home pages of everyone who sees it.
  const boardEdits = boardEditAnnouncer((boardId) => boardList.announce(boardId, 'updated', memberIds(db, boardId)))
  // Set once the generation runtime, which needs the sync server, is started.
  let shapesDeleted: ((boardId: string, shapeIds: string[]) => void) | undefined
  const sync = createSyncServer({
    db,
    config,
    authorize: reviewAuthorize(db, config.authRequired ? sessionAuthorize(db) : allowEveryone),
    onBoardEdited: boardEdits.edited,
    onShapesDeleted: (boardId, shapeIds) => shapesDeleted?.(boardId, shapeIds),
  })
  const generation = await startGenerationRuntime({ db, config, sync, assets })
  // A deleted shot's generations stop holding workers and queue places.
  shapesDeleted = (boardId, shapeIds) => {
    generation.service.dropForDeletedShots(boardId, shapeIds).catch((error: unknown) => console.error(`[generations] could not drop the generations of shots deleted from board ${boardId}:`, error))
  }
  // Jobs whose board or shot went while the server was down (or before its clean-up ran) are not run.
  await generation.service
    .dropOrphans()
    .then((count) => count > 0 && console.log(`[generations] canceled ${count} generation${count === 1 ? '' : 's'} whose board or shot is gone`))
    .catch((error: unknown) => console.error('[generations] could not check the queued generations against their boards:', error))
  const app = createApp({ db, config, sync, assets, generation, boardList })
  const stopReviewExpiry = watchReviewExpiry(db, sync)

  const server = await listen(app.fetch, config).catch(async (error: unknown) => {
    trash.stop()
    stopReviewExpiry()
    await generation.close()
    boardEdits.close()
    boardList.close()
    await sync.close()
    db.$client.close()
    throw error
  })
  server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head))
  const { port } = server.address() as AddressInfo
  // After listening, so clients reconnecting after a restart are not refused meanwhile.
  const stopWarmUp = new AbortController()
  const syncWarmUp = config.syncWarmUp
    ? warmUpSync(config, stopWarmUp.signal).catch((error: unknown) => {
        if (stopWarmUp.signal.aborted) return undefined
        console.warn('[sync] warm-up failed; the first board opened will load more slowly:', error)
        return undefined
      })
    : Promise.resolve(undefined)
  // Boards from before covers (and never opened since) get theirs, off the request path.
  const coversFilled = sync
    .fillUnknownCovers(stopWarmUp.signal)
    .then((count) => count > 0 && console.log(`[boards] chose the cover of ${count} board${count === 1 ? '' : 's'}`))
    .catch((error: unknown) => console.error('[boards] could not choose the covers of older boards:', error))
  // Takes recorded before their files' headers were read get the size the file says (or are
  // marked unreadable), off the request path.
  // A board whose cover is a file found unreadable gets another at once, and home pages are told.
  const covers = {
    recheck(boardId: string) {
      if (sync.chooseCover(boardId)) boardList.announce(boardId, 'updated', memberIds(db, boardId))
    },
  }
  const takeSizes = measureRecordedTakes({ db, assets, events: generation.events, covers }, stopWarmUp.signal)
    .then((result) => {
      if (result.measured > 0) console.log(`[versions] read the files of ${result.measured} older take${result.measured === 1 ? '' : 's'} (${result.unreadable} unreadable)`)
      return result
    })
    .catch((error: unknown) => {
      console.error('[versions] could not check the sizes of older takes:', error)
      return undefined
    })
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host

  return {
    url: `http://${shownHost}:${port}`,
    port,
    db,
    sync,
    generation,
    syncWarmUp,
    takeSizes,
    trash,
    async close() {
      trash.stop()
      stopWarmUp.abort()
      await syncWarmUp
      await coversFilled
      await takeSizes
      stopReviewExpiry()
      // The queue first: an in-process worker's running job finishes (or is returned) while the board can still take its result.
      await generation.close()
      boardEdits.close()
      boardList.close()
      await sync.close()
      await new Promise<void>((done) => server.close(() => done()))
      await assets.idle()
      db.$client.close()
    },
  }
}

/** Listens on `config.port` and `config.host`; a port in use or a host that is not this machine's is a {@link StartupError}. */
function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: ServerConfig): Promise<ReturnType<typeof serve>> {
  return new Promise((resolveServer, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, config))
    const s = serve({ fetch, port: config.port, hostname: config.host }, () => {
      s.off('error', onError)
      resolveServer(s)
    })
    s.once('error', onError)
  })
}

function listenError(error: NodeJS.ErrnoException, { port, host }: ServerConfig): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupError(`port ${port} on ${host} is in use by another program: stop it, or set PORT to a free port (0 picks one)`, { cause: error })
    case 'EACCES':
      return new StartupError(`this user may not listen on port ${port}: set PORT to 1024 or above (or give the process the right to bind low ports)`, { cause: error })
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EADDRNOTAVAIL':
      return new StartupError(`cannot listen on HOST "${host}" (${error.code}): it is not an address of this machine; use 127.0.0.1, 0.0.0.0 for every interface, or one of its addresses`, { cause: error })
    default:
      return error
  }
}
