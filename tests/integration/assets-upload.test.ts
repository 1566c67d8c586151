import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import http from 'node:http'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { assetResponseSchema } from '@storyloom/shared/api/assets'
import { boardResponseSchema } from '@storyloom/shared/api/boards'
import { errorCode } from '../support/apiError'
import { makePng } from '../support/makePng'
import { useHttpTestServer } from '../support/httpTestServer'
import { waitFor } from '../support/waitFor'

const MAX_BYTES = 64 * 1024

const t = useHttpTestServer({ maxAssetBytes: MAX_BYTES })
afterEach(() => {
  vi.restoreAllMocks()
})

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Every file under the asset directory (temp files included), relative to it. */
function assetFiles(): string[] {
  const dir = join(t.server.dataDir, 'assets')
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
  } catch {
    return []
  }
}

async function createBoard(name: string): Promise<string> {
  const res = await t.api.api.boards.$post({ json: { name } })
  return boardResponseSchema.parse(await res.json()).id
}

function upload(boardId: string, body: BodyInit, headers: Record<string, string> = {}) {
  return t.api.api.boards[':boardId'].assets.$post({ param: { boardId } }, { init: { body, headers } })
}

describe('asset upload and download', () => {
  it('stores a PNG and serves back the identical bytes with caching headers', async () => {
    const boardId = await createBoard('Refs')
    const png = makePng(32, 24, 1)

    const res = await upload(boardId, png, { 'Content-Type': 'image/png', 'X-File-Name': encodeURIComponent('wide shot é.png') })
    expect(res.status).toBe(201)
    const asset = assetResponseSchema.parse(await res.json())
    expect(asset).toEqual({
      id: sha256(png),
      url: `/api/boards/${boardId}/assets/${sha256(png)}`,
      mimeType: 'image/png',
      size: png.byteLength,
    })

    const got = await fetch(t.server.url + asset.url)
    expect(got.status).toBe(200)
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(new Uint8Array(png))
    expect(got.headers.get('content-type')).toBe('image/png')
    expect(got.headers.get('content-length')).toBe(String(png.byteLength))
    expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect(got.headers.get('x-content-type-options')).toBe('nosniff')
    expect(got.headers.get('etag')).toBe(`"${asset.id}"`)
    expect(got.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('wide shot é.png')}`)
    expect(got.headers.get('content-security-policy')).toContain('sandbox')
  })

  it('answers a revalidation with 304 and a byte range with 206', async () => {
    const boardId = await createBoard('Clips')
    const png = makePng(16, 16, 2)
    const { url, id } = assetResponseSchema.parse(await (await upload(boardId, png)).json())

    const cached = await fetch(t.server.url + url, { headers: { 'If-None-Match': `"${id}"` } })
    expect(cached.status).toBe(304)

    const part = await fetch(t.server.url + url, { headers: { Range: 'bytes=8-23' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 8-23/${png.byteLength}`)
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(new Uint8Array(png.subarray(8, 24)))
  })

  it('stores the same bytes once, under one id, for every board that uploads them', async () => {
    const [a, b] = [await createBoard('A'), await createBoard('B')]
    const png = makePng(20, 20, 3)
    const first = assetResponseSchema.parse(await (await upload(a, png)).json())
    const again = assetResponseSchema.parse(await (await upload(a, png)).json())
    const other = assetResponseSchema.parse(await (await upload(b, png)).json())

    expect(again.id).toBe(first.id)
    expect(other.id).toBe(first.id)
    expect(other.url).toBe(`/api/boards/${b}/assets/${first.id}`)
    expect(assetFiles()).toEqual([join(first.id.slice(0, 2), first.id)])
    const viaOther = await fetch(t.server.url + other.url)
    expect(new Uint8Array(await viaOther.arrayBuffer())).toEqual(new Uint8Array(png))
  })

  it('refuses a file over the limit declared up front (413) and keeps nothing', async () => {
    const boardId = await createBoard('Big')
    const res = await upload(boardId, new Uint8Array(MAX_BYTES + 1).fill(0xff))
    expect(res.status).toBe(413)
    expect(await errorCode(res)).toBe('payload_too_large')
    expect(assetFiles()).toEqual([])
  })

  it('refuses a streamed upload once it passes the limit (413) and leaves no partial file', async () => {
    const boardId = await createBoard('Big stream')
    // A PNG header then far more than the limit, sent chunked (no Content-Length).
    const head = makePng(4, 4, 4).subarray(0, 33)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= MAX_BYTES * 4) return controller.close()
        const chunk = sent === 0 ? head : new Uint8Array(8 * 1024).fill(sent & 0xff)
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })

    const res = await fetch(`${t.server.url}/api/boards/${boardId}/assets`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit)

    expect(res.status).toBe(413)
    expect(await errorCode(res)).toBe('payload_too_large')
    expect(assetFiles()).toEqual([])
  })

  it('leaves no partial file when the client gives up mid-upload', async () => {
    const boardId = await createBoard('Flaky network')
    const logged = vi.spyOn(console, 'error')
    // node:http rather than fetch, to drop exactly this one connection.
    const request = http.request(`${t.server.url}/api/boards/${boardId}/assets`, { method: 'POST' })
    request.on('error', () => {})
    request.write(makePng(4, 4, 7).subarray(0, 33)) // the start of a file, then silence

    await vi.waitFor(() => expect(assetFiles()).toHaveLength(1)) // the upload's temp file
    request.destroy()
    await vi.waitFor(() => expect(assetFiles()).toEqual([]))
    expect(logged).not.toHaveBeenCalled()
  })

  it.each([
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>', 'image/svg+xml'],
    ['plain text', 'INT. KITCHEN - NIGHT', 'text/plain'],
    ['HTML claiming to be a PNG', '<!doctype html><script>alert(1)</script>', 'image/png'],
  ])('refuses %s (415) and keeps nothing', async (_case, content, contentType) => {
    const boardId = await createBoard('Types')
    const res = await upload(boardId, content, { 'Content-Type': contentType })
    expect(res.status).toBe(415)
    expect(await errorCode(res)).toBe('unsupported_media_type')
    expect(assetFiles()).toEqual([])
  })

  it('serves an asset only through a board that has it', async () => {
    const [owner, stranger] = [await createBoard('Owner'), await createBoard('Stranger')]
    const { id } = assetResponseSchema.parse(await (await upload(owner, makePng(8, 8, 5))).json())

    const viaStranger = await t.api.api.boards[':boardId'].assets[':assetId'].$get({ param: { boardId: stranger, assetId: id } })
    expect(viaStranger.status).toBe(404)
    expect(await errorCode(viaStranger)).toBe('asset_not_found')

    const unknown = await t.api.api.boards[':boardId'].assets[':assetId'].$get({ param: { boardId: owner, assetId: 'a'.repeat(64) } })
    expect(unknown.status).toBe(404)

    const malformed = await fetch(`${t.server.url}/api/boards/${owner}/assets/not-a-hash`)
    expect(malformed.status).toBe(400)
    expect(await errorCode(malformed)).toBe('invalid_request')
  })

  it('stops serving a deleted board’s assets', async () => {
    const boardId = await createBoard('Doomed')
    const { url } = assetResponseSchema.parse(await (await upload(boardId, makePng(8, 8, 6))).json())
    expect((await t.api.api.boards[':boardId'].$delete({ param: { boardId } })).status).toBe(204)
    expect((await fetch(t.server.url + url)).status).toBe(404)
  })

  it('deletes the files of a board deleted forever, but keeps those another board uploaded too', async () => {
    const doomed = await createBoard('Doomed')
    const kept = await createBoard('Kept')
    const shared = makePng(8, 8, 7)
    const onlyDoomed = makePng(8, 8, 8)
    await upload(doomed, shared)
    await upload(kept, shared)
    await upload(doomed, onlyDoomed)
    expect(assetFiles().map((path) => path.split('/').pop())).toEqual(expect.arrayContaining([sha256(shared), sha256(onlyDoomed)]))

    expect((await t.api.api.boards[':boardId'].$delete({ param: { boardId: doomed } })).status).toBe(204)
    expect((await fetch(`${t.server.url}/api/trash/${doomed}`, { method: 'DELETE' })).status).toBe(204)
    await waitFor(() => !assetFiles().some((path) => path.endsWith(sha256(onlyDoomed))), { what: 'the orphaned file to be removed' })
    expect(assetFiles().map((path) => path.split('/').pop())).toEqual([sha256(shared)])
    const { url } = assetResponseSchema.parse(await (await upload(kept, shared)).json())
    expect((await fetch(t.server.url + url)).status).toBe(200)
  })
})
