import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createGenerationsResponseSchema } from '@storyloom/shared/generation/api'
import { versionListResponseSchema } from '@storyloom/shared/api/versions'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { VersionTree } from '@storyloom/shared/versions/versionTree'
import { pagesOf, shotShape } from '../support/boardFixtures'
import { startGenerationServer, type GenerationTestServer } from '../support/generationServer'
import { openBoardEvents } from '../support/sseClient'
import { connectClient, createBoard, waitFor, writeRecords, type SyncClient } from '../support/syncClient'

let server: GenerationTestServer
const clients: SyncClient[] = []
const closers: (() => void)[] = []

beforeAll(async () => {
  server = await startGenerationServer()
})
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
  for (const close of closers.splice(0)) close()
})
afterAll(async () => {
  await server.dispose()
})

async function boardWithShot(): Promise<{ boardId: string; shotId: string }> {
  const boardId = createBoard(server.db)
  const client = connectClient(server.syncUrl, boardId)
  clients.push(client)
  await client.synced()
  const page = pagesOf(client.doc)[0]!.id
  writeRecords(client, shotShape('shot', page, { props: { ...shotShape('shot', page).props, action: 'A ferry leaves the harbour at dawn' } }))
  return { boardId, shotId: 'shape:shot' }
}

/** Starts a generation and waits for its `succeeded` event; returns its id. */
async function generateAndWait(boardId: string, body: Parameters<GenerationTestServer['generate']>[1]): Promise<string> {
  const stream = openBoardEvents(server.url, boardId)
  closers.push(stream.close)
  await stream.ready
  const res = await server.generate(boardId, body)
  expect(res.status).toBe(202)
  const id = createGenerationsResponseSchema.parse(await res.json()).generations[0]!.id
  const finished = await waitFor(() => stream.events.find((e) => e.generationId === id && (e.type === 'succeeded' || e.type === 'failed' || e.type === 'canceled')), {
    timeoutMs: 60_000,
    what: 'the generation to finish',
  })
  expect(finished.type).toBe('succeeded')
  return id
}

async function versionsOf(boardId: string, shotId: string): Promise<ShotVersion[]> {
  const res = await fetch(`${server.url}/api/boards/${boardId}/shots/${encodeURIComponent(shotId)}/versions`)
  return versionListResponseSchema.parse(await res.json()).versions
}

describe('generation results in the version tree', () => {
  it('records variations of one request as siblings with their own seeds, and iterating from a take makes its children', async () => {
    const { boardId, shotId } = await boardWithShot()
    const firstJob = await generateAndWait(boardId, { shotIds: [shotId], variations: 2, seed: 3 })
    const takes = await versionsOf(boardId, shotId)
    expect(takes).toHaveLength(2)
    expect(takes.map((v) => [v.source, v.parentId, v.jobId, v.variationIndex, v.params?.seed])).toEqual([
      ['generation', null, firstJob, 0, 3],
      ['generation', null, firstJob, 1, 4],
    ])
    expect(takes[0]).toMatchObject({ builtInModel: true })
    expect(takes[0]!.modelId).not.toBeNull()

    // "Iterate from here" on the second take: the results hang under it.
    const from = takes[1]!
    const secondJob = await generateAndWait(boardId, { shotIds: [shotId], variations: 2, seed: 40, parentVersionId: from.id })
    const tree = new VersionTree(await versionsOf(boardId, shotId))
    const children = tree.children(from.id)
    expect(children.map((v) => [v.jobId, v.variationIndex])).toEqual([
      [secondJob, 0],
      [secondJob, 1],
    ])
    expect(children.map((v) => v.params?.seed)).toEqual([40, 41])
    expect(children[0]!.params).toMatchObject({ parentVersionId: from.id })
    expect(tree.problems()).toEqual([])
  })
})
