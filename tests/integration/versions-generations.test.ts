import { describe, expect, it } from 'vitest'
import type { CreateGenerationsRequest } from '@storyloom/shared/generation/api'
import { versionListResponseSchema } from '@storyloom/shared/api/versions'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { VersionTree } from '@storyloom/shared/versions/versionTree'
import { useGenerationTestServer } from '../support/generationTestServer'
import { waitFor } from '../support/waitFor'

const t = useGenerationTestServer()

/** Starts a generation, waits for it to succeed and returns its id. */
async function generateAndWait(boardId: string, body: CreateGenerationsRequest): Promise<string> {
  const finished = await t.generateAndWait(boardId, body)
  expect(finished.status).toBe('succeeded')
  return finished.id
}

async function versionsOf(boardId: string, shotId: string): Promise<ShotVersion[]> {
  const res = await fetch(`${t.server.url}/api/boards/${boardId}/shots/${encodeURIComponent(shotId)}/versions`)
  return versionListResponseSchema.parse(await res.json()).versions
}

describe('generation results in the version tree', () => {
  it('records variations of one request as siblings with their own seeds, and iterating from a take makes its children', async () => {
    const { boardId, shotId } = await t.boardWithShot('A ferry leaves the harbour at dawn')
    const stream = t.events(boardId)
    await stream.ready
    const firstJob = await generateAndWait(boardId, { shotIds: [shotId], variations: 2, seed: 3 })
    const takes = await versionsOf(boardId, shotId)
    expect(takes).toHaveLength(2)
    // Each recorded take is announced on the board's channel, so open Versions panels show it.
    const announced = () => stream.events.flatMap((e) => (e.type === 'versions_changed' ? [[e.shotId, e.versionId]] : []))
    await waitFor(() => announced().length >= takes.length, { what: 'the takes to be announced' })
    expect(announced()).toEqual(takes.map((v) => [shotId, v.id]))
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
