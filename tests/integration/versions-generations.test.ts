import { describe, expect, it } from 'vitest'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { createGenerationsResponseSchema, generationViewSchema, type CreateGenerationsRequest } from '@storyloom/shared/generation/api'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { versionListResponseSchema } from '@storyloom/shared/api/versions'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { VersionTree } from '@storyloom/shared/versions/versionTree'
import { useGenerationTestServer } from '../support/generationTestServer'
import { writeRecords } from '../support/syncClient'
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

  it("a run's first take does not replace a take someone picked after the run was asked for, and does replace one no one picked", async () => {
    const board = await t.boardWithShot('A lighthouse keeper climbs the stairs')
    const { boardId, shotId, client } = board
    const shownOnServer = () => t.server.sync.withRoom(boardId, (room) => room.read((doc) => (readRecord(doc, shotId) as TLShotShape).props.activeVersionId))
    const start = async (body: CreateGenerationsRequest) => {
      const res = await t.server.generate(boardId, body)
      expect(res.status).toBe(202)
      return createGenerationsResponseSchema.parse(await res.json()).generations[0]!
    }
    const ended = (statusUrl: string) =>
      waitFor(
        async () => {
          const view = generationViewSchema.parse(await (await fetch(`${t.server.url}${statusUrl}`)).json())
          return view.status !== 'queued' && view.status !== 'running' && view
        },
        { timeoutMs: 60_000, intervalMs: 50, what: 'the generation to end' },
      )
    await generateAndWait(boardId, { shotIds: [shotId], seed: 1 })
    const [picked] = await versionsOf(boardId, shotId)
    await waitFor(() => shownOnServer() === picked!.id, { what: 'the first take to show' })

    // Two runs back to back, no one picks: the later one's first take shows (as before).
    const early = await start({ shotIds: [shotId], seed: 2, steps: 30 })
    const later = await start({ shotIds: [shotId], seed: 3 })
    await ended(early.statusUrl)
    const laterView = await ended(later.statusUrl)
    expect(laterView.status).toBe('succeeded')
    await waitFor(() => shownOnServer() === laterView.results[0]!.versionId, { what: "the later run's first take to show" })

    // A run waits behind a long one; meanwhile Ada picks the very first take again.
    const blocker = await start({ shotIds: [shotId], seed: 4, steps: 40 })
    const run = await start({ shotIds: [shotId], seed: 5 })
    const shot = readRecord(client.doc, shotId) as TLShotShape
    writeRecords(client, { ...shot, props: { ...shot.props, activeVersionId: picked!.id } })
    await waitFor(() => shownOnServer() === picked!.id, { what: "Ada's pick to reach the server" })
    // The pick came before the run's take (else there is nothing to keep).
    expect(generationViewSchema.parse(await (await fetch(`${t.server.url}${run.statusUrl}`)).json()).results).toEqual([])
    await ended(blocker.statusUrl)
    const view = await ended(run.statusUrl)
    expect(view.status).toBe('succeeded')
    // Both runs' takes are in the tree; the shot still shows what Ada picked.
    const ids = (await versionsOf(boardId, shotId)).map((v) => v.id)
    expect(ids).toContain(view.results[0]!.versionId)
    expect(shownOnServer()).toBe(picked!.id)
    expect((readRecord(client.doc, shotId) as TLShotShape).props.activeVersionId).toBe(picked!.id)
  })
})
