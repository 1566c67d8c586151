import { describe, expect, it } from 'vitest'
import { recordsMap } from '@storyloom/shared/doc/boardDoc'
import { createGenerationsResponseSchema, generationViewSchema, type GenerationView } from '@storyloom/shared/generation/api'
import { shotShape } from '../support/boardFixtures'
import { useGenerationTestServer } from '../support/generationTestServer'
import { waitFor, writeRecords } from '../support/syncClient'

// Slow steps keep the first job running while the others wait behind it (test-only knob).
const t = useGenerationTestServer({ env: { STORYLOOM_TEST_STEP_DELAY_MS: '100' } })

async function start(boardId: string, shotId: string, steps: number): Promise<GenerationView> {
  const res = await t.server.generate(boardId, { shotIds: [shotId], steps })
  expect(res.status).toBe(202)
  return createGenerationsResponseSchema.parse(await res.json()).generations[0]!
}

async function current(generation: GenerationView): Promise<GenerationView> {
  return generationViewSchema.parse(await (await fetch(`${t.server.url}${generation.statusUrl}`)).json())
}

describe('a shot deleted while its generation waits or runs', { timeout: 60_000 }, () => {
  it('drops its generation: no worker runs it, the ones behind it move up, and a running one stops', async () => {
    const board = await t.boardWithShot('A ferry leaves the harbour')
    const { boardId, client, pageId } = board
    writeRecords(client, shotShape('second', pageId), shotShape('third', pageId))
    await waitFor(() => t.server.sync.withRoom(boardId, (room) => room.read((doc) => recordsMap(doc).has('shape:third'))), { what: 'the shots to reach the server' })
    const stream = t.events(boardId)
    await stream.ready

    const running = await start(boardId, board.shotId, 50)
    await waitFor(() => stream.events.some((e) => e.type === 'progress' && e.generationId === running.id), { what: 'the first generation to run' })
    const doomed = await start(boardId, 'shape:second', 1)
    const behind = await start(boardId, 'shape:third', 1)
    expect([doomed.position, behind.position]).toEqual([1, 2])

    client.doc.transact(() => recordsMap(client.doc).delete('shape:second'))
    await waitFor(() => stream.events.some((e) => e.type === 'canceled' && e.generationId === doomed.id), { what: 'the deleted shot’s generation to be dropped' })
    expect(await current(doomed)).toMatchObject({ status: 'canceled', position: null })
    expect(await current(behind)).toMatchObject({ status: 'queued', position: 1 })

    // The shot being generated is deleted too: it stops holding the worker.
    client.doc.transact(() => recordsMap(client.doc).delete(board.shotId))
    await waitFor(() => stream.events.some((e) => e.type === 'canceled' && e.generationId === running.id), { what: 'the running generation to stop' })
    await waitFor(async () => (await current(behind)).status === 'succeeded', { what: 'the next one to run' })
    expect(stream.events.some((e) => e.type === 'started' && e.generationId === doomed.id)).toBe(false)
  })
})

describe('a shot deleted while its generation is being queued', { timeout: 60_000 }, () => {
  it('keeps no generation for it: it is canceled, saying why, and never runs', async () => {
    const board = await t.boardWithShot('A lighthouse at dusk')
    const { boardId, client, pageId } = board
    writeRecords(client, shotShape('racing', pageId))
    await waitFor(() => t.server.sync.withRoom(boardId, (room) => room.read((doc) => recordsMap(doc).has('shape:racing'))), { what: 'the shot to reach the server' })
    const stream = t.events(boardId)
    await stream.ready
    // The worker is kept busy, so the racing generation would wait its turn rather than run at once.
    const busy = await start(boardId, board.shotId, 50)
    await waitFor(() => stream.events.some((e) => e.type === 'progress' && e.generationId === busy.id), { what: 'the first generation to run' })

    // A collaborator deletes the shot after the request was checked and before its job is in the
    // queue: the delete's clean-up has already looked through the queue (and found nothing).
    const { queue, service } = t.server.generation
    const add = queue.add.bind(queue)
    const drop = service.dropForDeletedShots.bind(service)
    let dropped: Promise<void> | undefined
    service.dropForDeletedShots = (id, shapeIds) => (dropped = drop(id, shapeIds))
    queue.add = async (data, opts) => {
      if (data.shotId === 'shape:racing') {
        client.doc.transact(() => recordsMap(client.doc).delete('shape:racing'))
        await waitFor(() => dropped !== undefined, { what: 'the delete to reach the server' })
        await dropped
      }
      return add(data, opts)
    }
    let raced: GenerationView
    try {
      raced = await start(boardId, 'shape:racing', 1)
    } finally {
      queue.add = add
      service.dropForDeletedShots = drop
    }

    expect(raced).toMatchObject({ status: 'canceled', position: null, canceledReason: 'the shot was deleted' })
    expect(await current(raced)).toMatchObject({ status: 'canceled', canceledReason: 'the shot was deleted' })
    await waitFor(() => stream.events.some((e) => e.type === 'canceled' && e.generationId === raced.id), { what: 'its canceled event' })
    expect(stream.events.find((e) => e.type === 'canceled' && e.generationId === raced.id)).toMatchObject({ reason: 'the shot was deleted' })
    expect((await t.server.generation.queue.listActive()).map((job) => job.id)).not.toContain(raced.id)
    await waitFor(async () => (await current(busy)).status === 'succeeded', { timeoutMs: 30_000, what: 'the busy generation to end' })
    expect(stream.events.some((e) => e.type === 'started' && e.generationId === raced.id)).toBe(false)
  })
})
