import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { assetResponseSchema } from '@storyloom/shared/api/assets'
import { createGenerationsResponseSchema, generationViewSchema, type GenerationView } from '@storyloom/shared/generation/api'
import { shotVersionSchema } from '@storyloom/shared/versions/shotVersion'
import { decodeReferenceImage, encodePng, type RgbImage } from '@storyloom/gpu-worker/pipeline/rgbImage'
import { flatImage, pngClaiming } from '@storyloom/gpu-worker/testing/imageFixtures'
import { bindingRecord, imageAssetRecord, pagesOf, shotShape, uploadedImageShape } from '../support/boardFixtures'
import { startGenerationServer, type GenerationTestServer } from '../support/generationServer'
import { connectClient, createBoard, waitFor, writeRecords, type SyncClient } from '../support/syncClient'

let server: GenerationTestServer
const clients: SyncClient[] = []

beforeAll(async () => {
  server = await startGenerationServer()
})
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})
afterAll(async () => {
  await server.dispose()
})

const ORANGE: [number, number, number] = [240, 140, 20]

async function flatPng(rgb: [number, number, number]): Promise<Uint8Array> {
  return new Uint8Array(await encodePng(flatImage(rgb, 64)))
}

async function upload(boardId: string, bytes: Uint8Array, type: string) {
  const res = await fetch(`${server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: Buffer.from(bytes), headers: { 'Content-Type': type } })
  expect(res.status).toBe(201)
  return assetResponseSchema.parse(await res.json())
}

/** A board with a shot and, when `file` is given, a reference of `role` pinned to it showing that file. */
async function boardWithReference(file?: { bytes: Uint8Array; type: string; role: string }) {
  const boardId = createBoard(server.db)
  const client = connectClient(server.syncUrl, boardId)
  clients.push(client)
  await client.synced()
  const page = pagesOf(client.doc)[0]!.id
  writeRecords(client, shotShape('shot', page, { props: { ...shotShape('shot', page).props, action: 'A harbour at dusk' } }))
  if (file) {
    const asset = await upload(boardId, file.bytes, file.type)
    writeRecords(client, imageAssetRecord(asset.id, asset.url, asset.mimeType), uploadedImageShape('ref', page, asset.id), bindingRecord('pin', 'reference', 'ref', 'shot', { role: file.role }))
    await waitFor(() => server.sync.withRoom(boardId, (room) => room.read((doc) => readRecord(doc, 'binding:pin'))), { what: 'the reference to reach the server' })
  }
  return { boardId, shotId: 'shape:shot' }
}

async function finished(view: GenerationView): Promise<GenerationView> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const current = generationViewSchema.parse(await (await fetch(`${server.url}${view.statusUrl}`)).json())
    if (current.status === 'succeeded' || current.status === 'failed') return current
    if (Date.now() > deadline) throw new Error(`timed out waiting for generation ${view.id} to finish`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function generateAndWait(boardId: string, body: Parameters<GenerationTestServer['generate']>[1]): Promise<GenerationView> {
  const res = await server.generate(boardId, body)
  expect(res.status).toBe(202)
  return finished(createGenerationsResponseSchema.parse(await res.json()).generations[0]!)
}

async function resultImage(view: GenerationView): Promise<RgbImage> {
  const bytes = new Uint8Array(await (await fetch(`${server.url}${view.results[0]!.image.url}`)).arrayBuffer())
  return decodeReferenceImage(bytes, view.params.width, view.params.height, 'the result')
}

function distanceTo(image: RgbImage, rgb: [number, number, number]): number {
  let sum = 0
  for (let i = 0; i < image.data.length; i++) sum += Math.abs((image.data[i] as number) - rgb[i % 3]!)
  return sum / image.data.length
}

describe('references condition generations (embedded queue, built-in model)', () => {
  const expectError = async (res: Response, status: number, code: string, message: RegExp) => {
    expect(res.status).toBe(status)
    const body = apiErrorBodySchema.parse(await res.json())
    expect(body.error.code).toBe(code)
    expect(body.error.message).toMatch(message)
  }

  it('a style reference moves the image toward it, and the job and the take record how it was used', async () => {
    const { boardId, shotId } = await boardWithReference({ bytes: await flatPng(ORANGE), type: 'image/png', role: 'style' })
    const plain = await generateAndWait(boardId, { shotIds: [shotId], seed: 5, useReferences: false })
    const styled = await generateAndWait(boardId, { shotIds: [shotId], seed: 5, referenceWeights: { 'shape:ref': 0.9 } })
    expect(styled.status).toBe('succeeded')
    expect(styled.params.references).toMatchObject([{ role: 'style', shapeId: 'shape:ref', weight: 0.9 }])
    expect(styled.referenceUse).toEqual([{ index: 0, role: 'style', use: 'image-prompt', weight: 0.9 }])
    const plainDistance = distanceTo(await resultImage(plain), ORANGE)
    const styledDistance = distanceTo(await resultImage(styled), ORANGE)
    expect(styledDistance).toBeLessThan(plainDistance - 10)

    // The same Idempotency-Key with another weight is another request.
    expect((await server.generate(boardId, { shotIds: [shotId], seed: 5, referenceWeights: { 'shape:ref': 0.9 } }, { idempotencyKey: 'w1' })).status).toBe(202)
    await expectError(await server.generate(boardId, { shotIds: [shotId], seed: 5, referenceWeights: { 'shape:ref': 0.2 } }, { idempotencyKey: 'w1' }), 422, 'idempotency_key_reused', /different request/u)

    const take = shotVersionSchema.parse(await (await fetch(`${server.url}/api/boards/${boardId}/versions/${styled.results[0]!.versionId}`)).json())
    expect(take.params?.referenceUse).toEqual([{ index: 0, role: 'style', use: 'image-prompt', weight: 0.9 }])
  })

  it('refuses at create a reference file that is not an image, and weights for references the shot lacks', async () => {
    // An MP4 behind an image shape: the ftyp box is all the sniffer needs.
    const mp4 = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypisom'), 0, 0, 2, 0, ...new TextEncoder().encode('isomiso2')])
    const { boardId, shotId } = await boardWithReference({ bytes: mp4, type: 'video/mp4', role: 'character' })
    await expectError(await server.generate(boardId, { shotIds: [shotId] }), 422, 'missing_reference', /the character reference's file is not an image \(video\/mp4\)/u)
    const plain = await boardWithReference()
    await expectError(await server.generate(plain.boardId, { shotIds: [plain.shotId], referenceWeights: { 'shape:elsewhere': 0.5 } }), 422, 'missing_reference', /shape:elsewhere, which is not a reference/u)
    await expectError(await server.generate(plain.boardId, { shotIds: [plain.shotId], referenceWeights: { 'shape:x': 3 } }), 400, 'invalid_request', /./u)
  })

  it('fails the job with a clear reason when a reference image is too large to decode, saying how each reference was to be used', async () => {
    const { boardId, shotId } = await boardWithReference({ bytes: new Uint8Array(await pngClaiming(20_000, 20_000)), type: 'image/png', role: 'prop' })
    const failed = await generateAndWait(boardId, { shotIds: [shotId] })
    expect(failed.status).toBe('failed')
    expect(failed.error?.message).toMatch(/the prop reference is too large \(20000×20000\)/u)
    // Planned before the file was fetched: the failed job still records it, as a take would.
    expect(failed.referenceUse).toEqual([{ index: 0, role: 'prop', use: 'image-prompt', weight: 0.4 }])
  })
})
