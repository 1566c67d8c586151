import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { assetResponseSchema } from '@storyloom/shared/api/assets'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { createGenerationsResponseSchema, generationViewSchema, type CreateGenerationsRequest, type GenerationView } from '@storyloom/shared/generation/api'
import type { ServerConfig } from '@storyloom/server/config'
import { deleteRedisKeys } from '@storyloom/server/queue/deleteRedisKeys'
import { bindingRecord, imageAssetRecord, pagesOf, shotShape, uploadedImageShape } from './boardFixtures'
import { startGenerationServer, type GenerationTestServer } from './generationServer'
import { openBoardEvents } from './sseClient'
import { connectClient, createBoard, waitFor, writeRecords, type SyncClient } from './syncClient'

/** A board made by {@link GenerationTestContext.boardWithShot}. */
export type BoardWithShot = {
  boardId: string
  /** The shot's record id (`shape:shot`). */
  shotId: string
  /** The y-websocket client that wrote the shot, connected until the test ends. */
  client: SyncClient
  /** The id of the board's page (parent of the shot), for writing more records beside it. */
  pageId: string
}

/** A file to pin to a shot as a reference of `role` (any bytes: the server checks them at create). */
export type ReferenceFile = { bytes: Uint8Array; type: string; role: string }

/** A test file's generation server, and the clients and event streams its tests open. */
export type GenerationTestContext = {
  /** The running server (use it inside a test). */
  readonly server: GenerationTestServer
  /** A new board with one shot (whose action is `action` when given), seen by a sync client. */
  boardWithShot(action?: string): Promise<BoardWithShot>
  /**
   * Uploads `file` to the board and pins it to the shot as a reference (`shape:ref`, bound by
   * `binding:pin`), as dropping it on the frame does; resolves once the server has the binding.
   */
  pinReference(board: BoardWithShot, file: ReferenceFile): Promise<void>
  /** The board's live events (`GET …/events`); closed after the test. */
  events(boardId: string): ReturnType<typeof openBoardEvents>
  /**
   * Stops the server (Redis keeps its jobs and their workers' locks, as after a crash) and starts
   * it again on the same port, data directory and queue; {@link server} is then the new one.
   */
  restart(): Promise<void>
  /** Starts one generation as u1 (expecting 202) and waits until it has ended; its final view. */
  generateAndWait(boardId: string, body: CreateGenerationsRequest, timeoutMs?: number): Promise<GenerationView>
}

export type GenerationTestServerOptions = {
  config?: Partial<ServerConfig>
  /** Environment of the in-process worker (test knobs such as `STORYLOOM_TEST_STEP_DELAY_MS`). */
  env?: NodeJS.ProcessEnv
  /** False: start nothing (a file whose tests are all skipped, e.g. without Redis). */
  enabled?: boolean
}

/**
 * Starts Storyloom with its generation worker (`startGenerationServer`) for the whole file
 * (vitest hooks), destroys each test's sync clients and event streams after it, and at the end
 * stops the server and, when `config` names a Redis prefix, deletes that prefix's keys: the
 * lifecycle every generation test file needs (the generation counterpart of `useSyncTestServer`).
 */
export function useGenerationTestServer({ config = {}, env = {}, enabled = true }: GenerationTestServerOptions = {}): GenerationTestContext {
  let current: GenerationTestServer | undefined
  const clients: SyncClient[] = []
  const closers: (() => void)[] = []
  beforeAll(async () => {
    if (enabled) current = await startGenerationServer(config, env)
  })
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy()
    for (const close of closers.splice(0)) close()
  })
  afterAll(async () => {
    await current?.dispose()
    if (current && config.redisUrl !== undefined && config.redisPrefix !== undefined) await deleteRedisKeys(config.redisUrl, config.redisPrefix)
  })
  const ctx: GenerationTestContext = {
    get server() {
      if (!current) throw new Error('the generation server is not started (use it inside a test of an enabled file)')
      return current
    },
    async boardWithShot(action) {
      const boardId = createBoard(ctx.server.db)
      const client = connectClient(ctx.server.syncUrl, boardId)
      clients.push(client)
      await client.synced()
      const pageId = pagesOf(client.doc)[0]!.id
      const shot = shotShape('shot', pageId)
      writeRecords(client, action === undefined ? shot : { ...shot, props: { ...shot.props, action } })
      return { boardId, shotId: 'shape:shot', client, pageId }
    },
    async pinReference({ boardId, client, pageId }, file) {
      const res = await fetch(`${ctx.server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: Buffer.from(file.bytes), headers: { 'Content-Type': file.type } })
      expect(res.status).toBe(201)
      const asset = assetResponseSchema.parse(await res.json())
      writeRecords(client, imageAssetRecord(asset.id, asset.url, asset.mimeType), uploadedImageShape('ref', pageId, asset.id), bindingRecord('pin', 'reference', 'ref', 'shot', { role: file.role }))
      await waitFor(() => ctx.server.sync.withRoom(boardId, (room) => room.read((doc) => readRecord(doc, 'binding:pin'))), { what: 'the reference to reach the server' })
    },
    async restart() {
      const stopped = ctx.server
      current = undefined
      await stopped.close()
      current = await startGenerationServer({ ...config, dataDir: stopped.dataDir, port: stopped.port }, env)
    },
    events(boardId) {
      const stream = openBoardEvents(ctx.server.url, boardId)
      closers.push(stream.close)
      return stream
    },
    async generateAndWait(boardId, body, timeoutMs = 60_000) {
      const res = await ctx.server.generate(boardId, body)
      expect(res.status).toBe(202)
      const created = createGenerationsResponseSchema.parse(await res.json()).generations[0]!
      return waitFor(
        async () => {
          const view = generationViewSchema.parse(await (await fetch(`${ctx.server.url}${created.statusUrl}`)).json())
          return view.status !== 'queued' && view.status !== 'running' && view
        },
        { timeoutMs, intervalMs: 50, what: `generation ${created.id} to end` },
      )
    },
  }
  return ctx
}
