import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { recordsMap } from '@storyloom/shared/doc/boardDoc'
import { createGenerationsResponseSchema, generationViewSchema, type GenerationView } from '@storyloom/shared/generation/api'
import { redisForTests, testRedisUrl as redisUrl } from '@storyloom/server/queue/testRedis'
import { shotShape } from '../support/boardFixtures'
import { useGenerationTestServer, type GenerationTestContext } from '../support/generationTestServer'
import { waitFor, writeRecords } from '../support/syncClient'

// Skipped with a warning when Redis does not answer; under CI that fails the file instead.
const redisUp = await redisForTests('the Redis case of a shot gone while the server was down')

// Embedded: slow steps keep a first job running while the others wait behind it (test-only knob).
// Redis: no worker is started, so every job waits in the queue.
const backends = [
  { name: 'embedded queue', t: useGenerationTestServer({ env: { STORYLOOM_TEST_STEP_DELAY_MS: '100' } }), enabled: true },
  { name: 'Redis', t: useGenerationTestServer({ config: { redisUrl, redisPrefix: `storyloom-test-${randomUUID()}` }, enabled: redisUp }), enabled: redisUp },
]

async function start(t: GenerationTestContext, boardId: string, shotId: string, steps: number): Promise<GenerationView> {
  const res = await t.server.generate(boardId, { shotIds: [shotId], steps })
  expect(res.status).toBe(202)
  return createGenerationsResponseSchema.parse(await res.json()).generations[0]!
}

async function current(t: GenerationTestContext, generation: GenerationView): Promise<GenerationView> {
  return generationViewSchema.parse(await (await fetch(`${t.server.url}${generation.statusUrl}`)).json())
}

for (const { name, t, enabled } of backends) {
  describe.skipIf(!enabled)(`a shot gone while the server was down (${name})`, { timeout: 90_000 }, () => {
    it('its queued generation is canceled at start, saying why, and the ones behind it move up', async () => {
      const board = await t.boardWithShot('A train crosses a viaduct')
      const { boardId, client, pageId } = board
      writeRecords(client, shotShape('gone', pageId), shotShape('behind', pageId))
      await waitFor(() => t.server.sync.withRoom(boardId, (room) => room.read((doc) => recordsMap(doc).has('shape:behind'))), { what: 'the shots to reach the server' })
      const first = await start(t, boardId, board.shotId, name === 'Redis' ? 1 : 30)
      if (name !== 'Redis') await waitFor(async () => (await current(t, first)).status === 'running', { what: 'the first generation to run' })
      const doomed = await start(t, boardId, 'shape:gone', 1)
      const behind = await start(t, boardId, 'shape:behind', 1)
      expect(doomed.status).toBe('queued')

      // The shot is deleted and the server stops before its clean-up reaches the queue (a crash,
      // a Redis that was away): the board is saved without the shot, its job still waits.
      const { service } = t.server.generation
      service.dropForDeletedShots = async () => {}
      client.doc.transact(() => recordsMap(client.doc).delete('shape:gone'))
      await waitFor(() => t.server.sync.withRoom(boardId, (room) => room.read((doc) => !recordsMap(doc).has('shape:gone'))), { what: 'the delete to reach the server' })
      await t.restart()

      const after = await current(t, doomed)
      expect(after).toMatchObject({ status: 'canceled', position: null, startedAt: null, canceledReason: 'the shot was deleted' })
      if (name === 'Redis') {
        // No worker: the first and the one behind wait, and the one behind moved up a place.
        expect(await current(t, behind)).toMatchObject({ status: 'queued', position: 2 })
        expect((await t.server.generation.queue.listActive()).map((job) => job.id)).toEqual([first.id, behind.id])
      } else {
        await waitFor(async () => (await current(t, behind)).status === 'succeeded', { timeoutMs: 60_000, what: 'the one behind to run' })
        expect((await current(t, doomed)).startedAt).toBeNull()
      }
    })
  })
}
