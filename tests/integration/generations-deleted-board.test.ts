import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { recordsMap } from '@storyloom/shared/doc/boardDoc'
import { createGenerationsResponseSchema, USER_ID_HEADER, type GenerationView } from '@storyloom/shared/generation/api'
import { redisForTests, testRedisUrl as redisUrl } from '@storyloom/server/queue/testRedis'
import { shotShape } from '../support/boardFixtures'
import { useGenerationTestServer, type GenerationTestContext } from '../support/generationTestServer'
import { waitFor, writeRecords } from '../support/syncClient'

// Skipped with a warning when Redis does not answer; under CI that fails the file instead.
const redisUp = await redisForTests('the Redis case of a deleted board’s generations')

// Embedded: slow steps keep a first job running while the others wait behind it (test-only knob).
// Redis: no worker is started, so every job waits in the queue.
const backends = [
  { name: 'embedded queue', t: useGenerationTestServer({ env: { STORYLOOM_TEST_STEP_DELAY_MS: '100' } }), enabled: true },
  { name: 'Redis', t: useGenerationTestServer({ config: { redisUrl, redisPrefix: `storyloom-test-${randomUUID()}` }, enabled: redisUp }), enabled: redisUp },
]

const BOARD_DELETED = 'the board was deleted'

async function start(t: GenerationTestContext, boardId: string, shotId: string, steps: number): Promise<GenerationView> {
  const res = await t.server.generate(boardId, { shotIds: [shotId], steps })
  expect(res.status).toBe(202)
  return createGenerationsResponseSchema.parse(await res.json()).generations[0]!
}

/** The job as the queue has it: the board's routes answer 404 once it is deleted. */
async function job(t: GenerationTestContext, id: string) {
  return t.server.generation.queue.get(id)
}

async function deleteBoard(t: GenerationTestContext, boardId: string): Promise<void> {
  expect((await fetch(`${t.server.url}/api/boards/${boardId}`, { method: 'DELETE' })).status).toBe(204)
}

for (const { name, t, enabled } of backends) {
  describe.skipIf(!enabled)(`a deleted board’s generations (${name})`, { timeout: 90_000 }, () => {
    it('are canceled when the board is deleted, saying why, and another board’s move up', async () => {
      const doomedBoard = await t.boardWithShot('A train crosses a viaduct')
      writeRecords(doomedBoard.client, shotShape('second', doomedBoard.pageId))
      await waitFor(() => t.server.sync.withRoom(doomedBoard.boardId, (room) => room.read((doc) => recordsMap(doc).has('shape:second'))), { what: 'the shot to reach the server' })
      const other = await t.boardWithShot('A ferry leaves the harbour')
      const first = await start(t, doomedBoard.boardId, doomedBoard.shotId, name === 'Redis' ? 1 : 50)
      if (name !== 'Redis') await waitFor(async () => (await job(t, first.id))?.status === 'running', { what: 'the first generation to run' })
      const second = await start(t, doomedBoard.boardId, 'shape:second', 1)
      const elsewhere = await start(t, other.boardId, other.shotId, 1)

      await deleteBoard(t, doomedBoard.boardId)

      await waitFor(async () => (await job(t, first.id))?.status === 'canceled', { what: 'the deleted board’s first generation to be canceled' })
      expect(await job(t, first.id)).toMatchObject({ status: 'canceled', canceledReason: BOARD_DELETED })
      expect(await job(t, second.id)).toMatchObject({ status: 'canceled', canceledReason: BOARD_DELETED })
      expect((await job(t, second.id))?.startedAt).toBeUndefined()
      if (name === 'Redis') {
        expect((await t.server.generation.queue.listActive()).map((active) => active.id)).toEqual([elsewhere.id])
      } else {
        await waitFor(async () => (await job(t, elsewhere.id))?.status === 'succeeded', { timeoutMs: 60_000, what: 'the other board’s generation to run' })
      }
    })

    it('left in the queue when the board went (a crash before its clean-up) are canceled at start', async () => {
      const board = await t.boardWithShot('A lighthouse at dusk')
      const other = await t.boardWithShot('A kite over the dunes')
      const busy = await start(t, other.boardId, other.shotId, name === 'Redis' ? 1 : 30)
      if (name !== 'Redis') await waitFor(async () => (await job(t, busy.id))?.status === 'running', { what: 'the other board’s generation to run' })
      const doomed = await start(t, board.boardId, board.shotId, 1)
      // The board is deleted and the server stops before its clean-up reaches the queue.
      t.server.generation.service.dropForDeletedBoard = async () => {}
      await deleteBoard(t, board.boardId)
      expect((await job(t, doomed.id))?.status).toBe('queued')
      await t.restart()

      expect(await job(t, doomed.id)).toMatchObject({ status: 'canceled', canceledReason: BOARD_DELETED })
      expect((await job(t, doomed.id))?.startedAt).toBeUndefined()
    })
  })
}

describe('a worker taking up a job whose board or shot went meanwhile (embedded queue)', { timeout: 90_000 }, () => {
  const { t } = backends[0]!
  it('drops it unrun, canceled with the reason, when the clean-up at deletion did not reach the queue', async () => {
    const board = await t.boardWithShot('A storm over the bay')
    const { boardId, client, pageId } = board
    writeRecords(client, shotShape('gone', pageId))
    await waitFor(() => t.server.sync.withRoom(boardId, (room) => room.read((doc) => recordsMap(doc).has('shape:gone'))), { what: 'the shot to reach the server' })
    const gone = await t.boardWithShot('A harbour at night')
    const stream = t.events(boardId)
    await stream.ready
    const busy = await start(t, boardId, board.shotId, 50)
    await waitFor(() => stream.events.some((e) => e.type === 'progress' && e.generationId === busy.id), { what: 'the first generation to run' })
    const shotGone = await start(t, boardId, 'shape:gone', 1)
    const boardGone = await start(t, gone.boardId, gone.shotId, 1)

    // Both deletions land while their jobs wait, and neither clean-up reaches the queue (a
    // Redis that was away, a server that stopped): only the worker's own check is left.
    const { service } = t.server.generation
    service.dropForDeletedShots = async () => {}
    service.dropForDeletedBoard = async () => {}
    client.doc.transact(() => recordsMap(client.doc).delete('shape:gone'))
    await waitFor(() => t.server.sync.withRoom(boardId, (room) => room.read((doc) => !recordsMap(doc).has('shape:gone'))), { what: 'the delete to reach the server' })
    await deleteBoard(t, gone.boardId)
    // The busy one is canceled, so the worker comes to the others.
    const canceled = await fetch(`${t.server.url}${busy.cancelUrl}`, { method: 'POST', headers: { [USER_ID_HEADER]: 'u1' } })
    expect(canceled.status).toBe(202)

    await waitFor(async () => (await job(t, boardGone.id))?.status === 'canceled', { timeoutMs: 30_000, what: 'the deleted board’s job to be dropped' })
    expect(await job(t, shotGone.id)).toMatchObject({ status: 'canceled', canceledReason: 'the shot was deleted' })
    expect(await job(t, boardGone.id)).toMatchObject({ status: 'canceled', canceledReason: BOARD_DELETED, attempts: 1 })
    expect(stream.events.find((e) => e.type === 'canceled' && e.generationId === shotGone.id)).toMatchObject({ reason: 'the shot was deleted' })
    // Dropped before the model was loaded: nothing started, nothing was written.
    expect(stream.events.some((e) => e.type === 'started' && e.generationId === shotGone.id)).toBe(false)
    expect(t.server.generation.versions.listForJob(boardId, shotGone.id)).toEqual([])
  })
})
