import { describe, expect, it } from 'vitest'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { createGenerationsResponseSchema, generationViewSchema, modelListResponseSchema } from '@storyloom/shared/generation/api'
import { workerHeartbeatResponseSchema } from '@storyloom/shared/generation/workerApi'
import { shotGenerationSize } from '@storyloom/shared/generation/generationSize'
import type { ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import { errorCode } from '../support/apiError'
import { bindingRecord, motionShape, shotShape } from '../support/boardFixtures'
import { useGenerationTestServer } from '../support/generationTestServer'
import { waitFor, writeRecords } from '../support/syncClient'

// A step delay so a cancel can land mid-run with the tiny model (test-only knob).
const t = useGenerationTestServer({ config: { maxActiveGenerationsPerUser: 3 }, env: { STORYLOOM_TEST_STEP_DELAY_MS: '40' } })

/** A board with one shot (and a pan annotation when asked), seen by a y-websocket client. */
async function boardWithShot({ pan = false } = {}) {
  const board = await t.boardWithShot('A lighthouse keeper climbs the stairs')
  if (pan) writeRecords(board.client, motionShape('move', board.pageId, { kind: 'pan' }), bindingRecord('ann', 'annotation', 'move', 'shot'))
  return board
}

describe('generations with the embedded queue and the built-in worker', () => {
  it('lists the built-in model that the in-process worker runs', async () => {
    const res = await fetch(`${t.server.url}/api/models`)
    const body = modelListResponseSchema.parse(await res.json())
    expect(body.workers).toBe(1)
    expect(body.models.find((m) => m.isDefault)).toMatchObject({ builtIn: true })
  })

  it("answers a worker's heartbeat with where jobs wait: in-process, so a separate worker knows it would get none", async () => {
    const res = await fetch(`${t.server.url}/api/worker/heartbeat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t.server.generation.workerToken}` },
      body: JSON.stringify({ workerId: 'separate', device: 'cpu', models: [] }),
    })
    expect(res.status).toBe(200)
    expect(workerHeartbeatResponseSchema.parse(await res.json())).toEqual({ queue: null })
  })

  it('generates: events reach the board, the takes become versions and the shot shows the first for everyone', async () => {
    const { boardId, client, shotId } = await boardWithShot({ pan: true })
    const stream = t.events(boardId)
    await stream.ready
    // 8 steps of ≥ 40 ms: the result is ≥ 320 ms after step 1, so step 1 gets a preview (PreviewSchedule).
    const res = await t.server.generate(boardId, { shotIds: [shotId], variations: 2, seed: 7, steps: 8 })
    expect(res.status).toBe(202)
    const [created] = createGenerationsResponseSchema.parse(await res.json()).generations
    expect(created!.params.prompt).toContain('A lighthouse keeper climbs the stairs')
    expect(created!.params.clip).toBeDefined()

    await waitFor(() => stream.events.some((e) => e.type === 'succeeded' || e.type === 'failed'), { timeoutMs: 60_000, what: 'the generation to finish' })
    const types = stream.events.map((e) => e.type)
    expect(stream.errors).toEqual([])
    for (const type of ['queued', 'started', 'progress', 'preview', 'succeeded'] as const) expect(types).toContain(type)
    expect(types.indexOf('queued')).toBeLessThan(types.indexOf('started'))
    const succeeded = stream.events.find((e) => e.type === 'succeeded')
    if (succeeded?.type !== 'succeeded') throw new Error('no success')
    expect(succeeded.model.builtIn).toBe(true)
    expect(succeeded.results.map((r) => r.seed)).toEqual([7, 8])
    expect(succeeded.results[0]!.clip).toBeDefined()
    // Every take plays the camera move, not only the first: any of them can be picked for the shot.
    expect(succeeded.results[1]!.clip).toBeDefined()
    expect(succeeded.results[1]!.clip!.assetId).not.toBe(succeeded.results[0]!.clip!.assetId)

    // The doc change reached the y-websocket client: the clip of the first take, and its version.
    const shot = await waitFor(() => {
      const record = readRecord(client.doc, shotId) as { props: ShotShapeProps } | undefined
      return record?.props.media ? record : undefined
    }, { what: 'the shot media to change' })
    expect(shot.props.media!.src).toBe(succeeded.results[0]!.clip!.url)
    expect(shot.props.activeVersionId).toBe(succeeded.results[0]!.versionId)
    expect(shot.props.media!.model).toContain('built-in')
    const image = await fetch(`${t.server.url}${succeeded.results[1]!.image.url}`)
    expect(image.headers.get('content-type')).toBe('image/png')

    const view = generationViewSchema.parse(await (await fetch(`${t.server.url}${created!.statusUrl}`)).json())
    expect(view).toMatchObject({ status: 'succeeded', progress: 1, requestedBy: { id: 'u1', name: 'Person u1' } })
  })

  it('prompts a shot without a prompt from its action and camera in the words the generation form starts from', async () => {
    const board = await boardWithShot()
    const shot = shotShape('shot', board.pageId)
    const camera = { shotSize: 'ws', angle: 'overhead', lensMm: 24, movement: 'truck-left' }
    writeRecords(board.client, { ...shot, props: { ...shot.props, action: 'Mara sprints across the wet rooftop.', camera } })
    await waitFor(() => t.server.sync.withRoom(board.boardId, (room) => room.read((doc) => (readRecord(doc, board.shotId) as { props: ShotShapeProps } | undefined)?.props.camera.lensMm === 24)), {
      what: 'the shot to reach the server',
    })
    const view = await t.generateAndWait(board.boardId, { shotIds: [board.shotId] })
    expect(view.params.prompt).toBe("Mara sprints across the wet rooftop. Wide shot, overhead bird's-eye view, 24mm lens, truck left.")
  })

  it('sizes a shot without a size in its aspect ratio, as the generation form does', async () => {
    const board = await boardWithShot()
    const shot = shotShape('shot', board.pageId)
    writeRecords(board.client, { ...shot, props: { ...shot.props, aspect: '2.39:1' } })
    await waitFor(() => t.server.sync.withRoom(board.boardId, (room) => room.read((doc) => (readRecord(doc, board.shotId) as { props: ShotShapeProps } | undefined)?.props.aspect === '2.39:1')), {
      what: 'the scope shot to reach the server',
    })
    const { models } = modelListResponseSchema.parse(await (await fetch(`${t.server.url}/api/models`)).json())
    const view = await t.generateAndWait(board.boardId, { shotIds: [board.shotId] })
    const expected = shotGenerationSize('2.39:1', models.find((m) => m.isDefault))
    expect(view.params).toMatchObject(expected)
    expect(Math.abs(expected.width / expected.height / 2.39 - 1)).toBeLessThan(0.01)
    // The built-in model renders at that size.
    expect(view.status).toBe('succeeded')
    expect(view.results[0]!.image).toMatchObject(expected)
  })

  it('cancels a running generation between steps and says so on the board', async () => {
    const { boardId, shotId } = await boardWithShot()
    const stream = t.events(boardId)
    await stream.ready
    const [created] = createGenerationsResponseSchema.parse(await (await t.server.generate(boardId, { shotIds: [shotId], steps: 40 })).json()).generations
    await waitFor(() => stream.events.some((e) => e.type === 'progress'), { what: 'a step' })
    const otherUser = await fetch(`${t.server.url}${created!.cancelUrl}`, { method: 'POST', headers: { 'X-Storyloom-User': 'u2' } })
    expect(otherUser.status).toBe(403)
    const res = await fetch(`${t.server.url}${created!.cancelUrl}`, { method: 'POST', headers: { 'X-Storyloom-User': 'u1' } })
    expect(res.status).toBe(202)
    await waitFor(() => stream.events.some((e) => e.type === 'canceled'), { what: 'the canceled event' })
    const again = await fetch(`${t.server.url}${created!.cancelUrl}`, { method: 'POST', headers: { 'X-Storyloom-User': 'u1' } })
    expect(again.status).toBe(409)
    const view = generationViewSchema.parse(await (await fetch(`${t.server.url}${created!.statusUrl}`)).json())
    expect(view.status).toBe('canceled')
    expect(view.results).toEqual([])
  })

  it('refuses bad requests with clear 4xx errors and caps each person', async () => {
    const { boardId, shotId } = await boardWithShot()
    const expectError = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status)
      expect(await errorCode(res)).toBe(code)
    }
    await expectError(await t.server.generate(boardId, { shotIds: [shotId], modelId: 'no-such-model' }), 422, 'unknown_model')
    await expectError(await t.server.generate(boardId, { shotIds: [shotId], width: 500, height: 288 }), 422, 'invalid_size')
    await expectError(await t.server.generate(boardId, { shotIds: [shotId], variations: 9 }), 422, 'too_many_variations')
    await expectError(await t.server.generate(boardId, { shotIds: ['shape:gone'] }), 422, 'shot_not_found')
    await expectError(await t.server.generate(boardId, { shotIds: [shotId], strength: 0.5 }), 422, 'missing_reference')
    await expectError(await t.server.generate(boardId, { shotIds: [] }), 400, 'invalid_request')
    // A take cannot hang under a version the shot does not have: refused before anything runs.
    await expectError(await t.server.generate(boardId, { shotIds: [shotId], parentVersionId: 'v_AAAAAAAAAAAAAAAA' }), 422, 'version_parent_invalid')
    await expectError(await t.server.generate(boardId, { shotIds: [shotId], parentVersionId: 'nope' }), 422, 'version_parent_invalid')

    // Cap 3 per person: three long jobs fill it, a fourth is refused, another person still gets in.
    const first = await t.server.generate(boardId, { shotIds: [shotId], steps: 60 }, { user: 'capped', idempotencyKey: 'k1' })
    expect(first.status).toBe(202)
    const replay = await t.server.generate(boardId, { shotIds: [shotId], steps: 60 }, { user: 'capped', idempotencyKey: 'k1' })
    const firstId = createGenerationsResponseSchema.parse(await first.json()).generations[0]!.id
    expect(createGenerationsResponseSchema.parse(await replay.json()).generations[0]!.id).toBe(firstId)
    await expectError(await t.server.generate(boardId, { shotIds: [shotId], steps: 30 }, { user: 'capped', idempotencyKey: 'k1' }), 422, 'idempotency_key_reused')
    for (let i = 0; i < 2; i++) expect((await t.server.generate(boardId, { shotIds: [shotId], steps: 60 }, { user: 'capped' })).status).toBe(202)
    await expectError(await t.server.generate(boardId, { shotIds: [shotId] }, { user: 'capped' }), 429, 'too_many_generations')
    // With the cap full, a retry of the first request still gets its generation back, and another
    // request under its key is still told so (not that the cap is full).
    const retry = await t.server.generate(boardId, { shotIds: [shotId], steps: 60 }, { user: 'capped', idempotencyKey: 'k1' })
    expect(retry.status).toBe(202)
    expect(createGenerationsResponseSchema.parse(await retry.json()).generations.map((g) => g.id)).toEqual([firstId])
    await expectError(await t.server.generate(boardId, { shotIds: [shotId], steps: 30 }, { user: 'capped', idempotencyKey: 'k1' }), 422, 'idempotency_key_reused')
    const other = await t.server.generate(boardId, { shotIds: [shotId], steps: 1 }, { user: 'someone-else' })
    expect(other.status).toBe(202)
    // Fair priorities: the other person's job is ahead of the capped person's second and third.
    const [otherView] = createGenerationsResponseSchema.parse(await other.json()).generations
    const list = (await (await fetch(`${t.server.url}/api/boards/${boardId}/generations?status=queued`)).json()) as { generations: { id: string; position: number; requestedBy: { id: string } }[] }
    const queued = list.generations.filter((g) => g.requestedBy.id === 'capped')
    expect(queued.every((g) => g.position > list.generations.find((o) => o.id === otherView!.id)!.position)).toBe(true)
    for (const g of (await (await fetch(`${t.server.url}/api/boards/${boardId}/generations`)).json() as { generations: { cancelUrl: string; requestedBy: { id: string } }[] }).generations) {
      await fetch(`${t.server.url}${g.cancelUrl}`, { method: 'POST', headers: { 'X-Storyloom-User': g.requestedBy.id } })
    }
  })
})
