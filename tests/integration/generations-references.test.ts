import { describe, expect, it } from 'vitest'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import type { GenerationView } from '@storyloom/shared/generation/api'
import { shotVersionSchema } from '@storyloom/shared/versions/shotVersion'
import { decodeReferenceImage, encodePng, type RgbImage } from '@storyloom/gpu-worker/pipeline/rgbImage'
import { flatImage, pngClaiming } from '@storyloom/gpu-worker/testing/imageFixtures'
import { useGenerationTestServer, type ReferenceFile } from '../support/generationTestServer'

const t = useGenerationTestServer()

const ORANGE: [number, number, number] = [240, 140, 20]

async function flatPng(rgb: [number, number, number]): Promise<Uint8Array> {
  return new Uint8Array(await encodePng(flatImage(rgb, 64)))
}

/** A board with a shot and, when `file` is given, a reference pinned to it showing that file. */
async function boardWithReference(file?: ReferenceFile) {
  const board = await t.boardWithShot('A harbour at dusk')
  if (file) await t.pinReference(board, file)
  return board
}

async function resultImage(view: GenerationView): Promise<RgbImage> {
  const bytes = new Uint8Array(await (await fetch(`${t.server.url}${view.results[0]!.image.url}`)).arrayBuffer())
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
    const plain = await t.generateAndWait(boardId, { shotIds: [shotId], seed: 5, useReferences: false })
    const styled = await t.generateAndWait(boardId, { shotIds: [shotId], seed: 5, referenceWeights: { 'shape:ref': 0.9 } })
    expect(styled.status).toBe('succeeded')
    expect(styled.params.references).toMatchObject([{ role: 'style', shapeId: 'shape:ref', weight: 0.9 }])
    expect(styled.referenceUse).toEqual([{ index: 0, role: 'style', use: 'image-prompt', weight: 0.9 }])
    const plainDistance = distanceTo(await resultImage(plain), ORANGE)
    const styledDistance = distanceTo(await resultImage(styled), ORANGE)
    expect(styledDistance).toBeLessThan(plainDistance - 10)

    // The same Idempotency-Key with another weight is another request.
    expect((await t.server.generate(boardId, { shotIds: [shotId], seed: 5, referenceWeights: { 'shape:ref': 0.9 } }, { idempotencyKey: 'w1' })).status).toBe(202)
    await expectError(await t.server.generate(boardId, { shotIds: [shotId], seed: 5, referenceWeights: { 'shape:ref': 0.2 } }, { idempotencyKey: 'w1' }), 422, 'idempotency_key_reused', /different request/u)

    const take = shotVersionSchema.parse(await (await fetch(`${t.server.url}/api/boards/${boardId}/versions/${styled.results[0]!.versionId}`)).json())
    expect(take.params?.referenceUse).toEqual([{ index: 0, role: 'style', use: 'image-prompt', weight: 0.9 }])
  })

  it('refuses at create a reference file that is not an image, and weights for references the shot lacks', async () => {
    // An MP4 behind an image shape: the ftyp box is all the sniffer needs.
    const mp4 = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypisom'), 0, 0, 2, 0, ...new TextEncoder().encode('isomiso2')])
    const { boardId, shotId } = await boardWithReference({ bytes: mp4, type: 'video/mp4', role: 'character' })
    await expectError(await t.server.generate(boardId, { shotIds: [shotId] }), 422, 'missing_reference', /the character reference's file is not an image \(video\/mp4\)/u)
    const plain = await boardWithReference()
    await expectError(await t.server.generate(plain.boardId, { shotIds: [plain.shotId], referenceWeights: { 'shape:elsewhere': 0.5 } }), 422, 'missing_reference', /shape:elsewhere, which is not a reference/u)
    await expectError(await t.server.generate(plain.boardId, { shotIds: [plain.shotId], referenceWeights: { 'shape:x': 3 } }), 400, 'invalid_request', /./u)
  })

  it('fails the job with a clear reason when a reference image is too large to decode, saying how each reference was to be used', async () => {
    const { boardId, shotId } = await boardWithReference({ bytes: new Uint8Array(await pngClaiming(20_000, 20_000)), type: 'image/png', role: 'prop' })
    const failed = await t.generateAndWait(boardId, { shotIds: [shotId] })
    expect(failed.status).toBe('failed')
    expect(failed.error).toEqual({ code: 'reference_too_large', message: expect.stringMatching(/^The prop reference picture is too large/u) })
    // Planned before the file was fetched: the failed job still records it, as a take would.
    expect(failed.referenceUse).toEqual([{ index: 0, role: 'prop', use: 'image-prompt', weight: 0.4 }])
  })
})
