import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ASSET_PURPOSE_HEADER } from '@storyloom/shared/api/assets'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import { shotVersionSchema } from '@storyloom/shared/versions/shotVersion'
import { mp4, ftyp, mp4Clip, webmClip } from '@storyloom/shared/versions/testing/clipFixtures'
import { makePng } from '../support/makePng'
import { useHttpTestServer } from '../support/httpTestServer'

const t = useHttpTestServer()
let seed = 0

async function newBoard(): Promise<string> {
  const res = await t.api.api.boards.$post({ json: { name: 'Takes' } })
  return storedId(res)
}

/** A real PNG whose IHDR then claims `width` × `height` (its data stays 16 × 9). */
function pngClaiming(width: number, height: number): Uint8Array<ArrayBuffer> {
  const png = makePng(16, 9, ++seed)
  const view = new DataView(png.buffer)
  view.setUint32(16, width)
  view.setUint32(20, height)
  return png
}

/** Only the PNG signature, then junk: looks like a PNG to a sniffer, has no header to read. */
const pngLookalike = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(300).fill(++seed % 256)])

const upload = (boardId: string, body: Uint8Array<ArrayBuffer>, purpose?: 'take') =>
  t.api.api.boards[':boardId'].assets.$post({ param: { boardId } }, { headers: purpose ? { [ASSET_PURPOSE_HEADER]: purpose } : {}, init: { body } })

const addTake = (boardId: string, assetId: string, size: { width?: number; height?: number } = {}) =>
  t.api.api.boards[':boardId'].shots[':shotId'].versions.$post({ param: { boardId, shotId: 'shape:shot1' }, json: { assets: [{ assetId, ...size }] } })

async function storedId(res: Response): Promise<string> {
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

async function refused(res: Response, status: number, code: string): Promise<string> {
  const body = apiErrorBodySchema.parse(await res.json())
  expect({ status: res.status, code: body.error.code }).toEqual({ status, code })
  return body.error.message
}

const storedFile = (bytes: Uint8Array) => {
  const sha = createHash('sha256').update(bytes).digest('hex')
  return join(t.server.dataDir, 'assets', sha.slice(0, 2), sha)
}

describe('takes: the picture header is the server’s to read', () => {
  it('records the size the file’s header says, not the numbers the client sent', async () => {
    const boardId = await newBoard()
    const id = await storedId(await upload(boardId, makePng(40, 30, ++seed), 'take'))
    const res = await addTake(boardId, id, { width: 4000, height: 3 })
    expect(res.status).toBe(201)
    expect(shotVersionSchema.parse(await res.json()).assets[0]).toMatchObject({ width: 40, height: 30 })
  })

  it('refuses a take file whose header declares more than 16384 px a side, storing nothing', async () => {
    const boardId = await newBoard()
    const bomb = pngClaiming(100_000, 100_000)
    const message = await refused(await upload(boardId, bomb, 'take'), 422, 'invalid_size')
    expect(message).toBe('the picture is 100000 × 100000 pixels: a take is at most 16384 pixels on a side')
    expect(existsSync(storedFile(bomb))).toBe(false)
  })

  it('refuses a take file that only starts like a PNG, storing nothing', async () => {
    const boardId = await newBoard()
    const fake = pngLookalike()
    expect(await refused(await upload(boardId, fake, 'take'), 415, 'unsupported_media_type')).toMatch(/cannot be read as a take/)
    expect(existsSync(storedFile(fake))).toBe(false)
  })

  it('keeps a file other uploads stored when the same bytes are refused as a take', async () => {
    const boardId = await newBoard()
    const bomb = pngClaiming(20_000, 20)
    // Stored as a plain asset first (a reference, say): the refused take must not take it away.
    const id = await storedId(await upload(boardId, bomb))
    await refused(await upload(boardId, bomb, 'take'), 422, 'invalid_size')
    await refused(await addTake(boardId, id, { width: 16, height: 9 }), 422, 'invalid_size')
    expect(existsSync(storedFile(bomb))).toBe(true)
    const got = await t.api.api.boards[':boardId'].assets[':assetId'].$get({ param: { boardId, assetId: id } })
    expect(got.status).toBe(200)
  })

  it('refuses to make a take of a stored file whose header cannot be read, keeping the file', async () => {
    const boardId = await newBoard()
    const fake = pngLookalike()
    const id = await storedId(await upload(boardId, fake))
    await refused(await addTake(boardId, id), 415, 'unsupported_media_type')
    expect(existsSync(storedFile(fake))).toBe(true)
  })

  it('names the picture types, not audio, when a take file is no picture', async () => {
    const boardId = await newBoard()
    const wav = new Uint8Array([...Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '), ...new Array(40).fill(0)])
    const message = await refused(await upload(boardId, wav, 'take'), 415, 'unsupported_media_type')
    expect(message).toBe('file is not a PNG, JPEG, GIF, WebP or AVIF image, or an MP4 or WebM clip')
    const text = await refused(await upload(boardId, new Uint8Array(Buffer.from('just some notes, not a picture at all')), 'take'), 415, 'unsupported_media_type')
    expect(text).not.toMatch(/MP3|audio/)
  })

  it('reads a clip’s frame size from its container (MP4, WebM) and refuses one it cannot read or that is too large', async () => {
    const boardId = await newBoard()
    const id = await storedId(await upload(boardId, mp4Clip({ width: 1280, height: 720 }, ++seed), 'take'))
    const res = await addTake(boardId, id, { width: 9, height: 9 })
    expect(res.status).toBe(201)
    expect(shotVersionSchema.parse(await res.json()).assets[0]).toMatchObject({ kind: 'video', width: 1280, height: 720, header: 'read' })

    const huge = webmClip({ width: 20_000, height: 1080 + ++seed })
    expect(await refused(await upload(boardId, huge, 'take'), 422, 'invalid_size')).toMatch(/^the clip is 20000 × \d+ pixels: a take is at most 16384/)
    expect(existsSync(storedFile(huge))).toBe(false)
    // Only the opening box of an MP4: a sniffer calls it a clip, but it has no video track to read.
    const empty = mp4(ftyp, [0, 0, 0, 9, ...new TextEncoder().encode('free'), ++seed])
    expect(await refused(await upload(boardId, empty, 'take'), 415, 'unsupported_media_type')).toMatch(/the clip cannot be read as a take/)
  })
})
