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
