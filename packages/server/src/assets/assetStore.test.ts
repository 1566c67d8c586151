import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openDatabase, type Db } from '../db/openDatabase'
import { boards } from '../db/schema'
import { eq } from 'drizzle-orm'
import { AssetBoardNotFoundError, AssetTooLargeError, UnsupportedAssetTypeError } from './assetErrors'
import { createAssetStore } from './assetStore'

/** Lets a test run code right after the store's `stat` calls, to reproduce a race exactly. */
const fsHooks = vi.hoisted(() => ({ afterStat: undefined as undefined | (() => Promise<void>) }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const stat = async (...args: Parameters<typeof fs.stat>) => {
    const result = await fs.stat(...args)
    await fsHooks.afterStat?.()
    return result
  }
  return { ...fs, stat, default: { ...fs, stat } }
})

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** PNG-looking bytes (the store only sniffs the signature) of `size` bytes. */
function pngBytes(size: number, fill = 7): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill)
  bytes.set(PNG_SIGNATURE)
  return bytes
}

async function* inChunks(bytes: Uint8Array, chunkSize: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize)
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

let dir: string
let db: Db

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'storyloom-assets-'))
  db = openDatabase(':memory:')
  db.insert(boards).values([{ id: 'board-a', name: 'A' }, { id: 'board-b', name: 'B' }]).run()
})
afterEach(() => {
  db.$client.close()
  rmSync(dir, { recursive: true, force: true })
})

const files = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)

describe('createAssetStore', () => {
  it('stores a streamed file under its sha256 and reads it back, whole or in part', async () => {
    const store = createAssetStore({ dir, db })
    const bytes = pngBytes(100_000)
    const sha = createHash('sha256').update(bytes).digest('hex')

    const stored = await store.put('board-a', inChunks(bytes, 4096), { maxBytes: 200_000, fileName: 'a.png' })
    expect(stored).toEqual({ sha256: sha, mimeType: 'image/png', size: 100_000, fileName: 'a.png' })
    expect(files()).toEqual([sha])

    const opened = await store.open('board-a', sha)
    expect(opened).toMatchObject({ mimeType: 'image/png', size: 100_000 })
    expect(await readAll(opened!.stream())).toEqual(bytes)
    expect(await readAll(opened!.stream({ start: 10, end: 19 }))).toEqual(bytes.subarray(10, 20))
  })

  it('accepts a web ReadableStream', async () => {
    const store = createAssetStore({ dir, db })
    const stored = await store.put('board-a', new Response(pngBytes(1000)).body!, { maxBytes: 1000 })
    expect(stored.size).toBe(1000)
  })

  it('keeps one file for concurrent uploads of the same bytes to several boards', async () => {
    const store = createAssetStore({ dir, db })
    const bytes = pngBytes(50_000)
    const results = await Promise.all(
      ['board-a', 'board-a', 'board-b'].map((board) => store.put(board, inChunks(bytes, 1000), { maxBytes: 50_000 })),
    )
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1)
    expect(files()).toHaveLength(1)
    expect(await store.open('board-b', results[0]!.sha256)).toBeDefined()
  })

  it('leaves nothing behind when an upload is too large, of the wrong type, or fails midway', async () => {
    const store = createAssetStore({ dir, db })
    await expect(store.put('board-a', inChunks(pngBytes(10_001), 1000), { maxBytes: 10_000 })).rejects.toThrow(AssetTooLargeError)
    await expect(store.put('board-a', inChunks(new TextEncoder().encode('<svg/>'), 3), { maxBytes: 10_000 })).rejects.toThrow(
      UnsupportedAssetTypeError,
    )
    async function* broken() {
      yield pngBytes(300)
      throw new Error('connection reset')
    }
    await expect(store.put('board-a', broken(), { maxBytes: 10_000 })).rejects.toThrow('connection reset')
    expect(files()).toEqual([])
  })

  it('stops reading a wrong type after its first bytes', async () => {
    const store = createAssetStore({ dir, db })
    let chunksRead = 0
    async function* endlessText() {
      for (;;) {
        chunksRead++
        yield new TextEncoder().encode('not an image '.repeat(10))
      }
    }
    await expect(store.put('board-a', endlessText(), { maxBytes: 10_000_000 })).rejects.toThrow(UnsupportedAssetTypeError)
    expect(chunksRead).toBeLessThan(5)
  })

  it('refuses an upload to a board that does not exist', async () => {
    const store = createAssetStore({ dir, db })
    await expect(store.put('no-such-board', inChunks(pngBytes(100), 100), { maxBytes: 1000 })).rejects.toThrow(
      AssetBoardNotFoundError,
    )
  })

  it('opens only what the board uploaded', async () => {
    const store = createAssetStore({ dir, db })
    const { sha256 } = await store.put('board-a', inChunks(pngBytes(100), 100), { maxBytes: 1000 })
    expect(await store.open('board-b', sha256)).toBeUndefined()
    expect(await store.open('board-a', 'f'.repeat(64))).toBeUndefined()
  })

  it('removes uploads a crash interrupted when it starts', () => {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, '.upload-1234'), 'half a file')
    createAssetStore({ dir, db })
    expect(files()).toEqual([])
  })

  describe('removeUnreferenced', () => {
    it('removes the files of deleted boards only', async () => {
      const store = createAssetStore({ dir, db })
      const kept = await store.put('board-a', inChunks(pngBytes(100, 1), 100), { maxBytes: 1000 })
      const orphan = await store.put('board-b', inChunks(pngBytes(100, 2), 100), { maxBytes: 1000 })
      db.delete(boards).where(eq(boards.id, 'board-b')).run()

      expect(await store.removeUnreferenced()).toBe(1)
      expect(files()).toEqual([kept.sha256])
      expect(await store.open('board-a', kept.sha256)).toBeDefined()
      expect(orphan.sha256).not.toBe(kept.sha256)
    })

    it('is idle only once a running cleanup has finished, so the database can close after it', async () => {
      const store = createAssetStore({ dir, db })
      await store.put('board-b', inChunks(pngBytes(100, 2), 100), { maxBytes: 1000 })
      db.delete(boards).where(eq(boards.id, 'board-b')).run()
      let finished = false
      const cleanup = store.removeUnreferenced().then(() => (finished = true))
      await store.idle()
      expect(finished).toBe(true)
      await cleanup
      await store.idle() // and nothing left running afterwards
    })

    it('never removes a file that an upload of the same bytes is relying on', async () => {
      const store = createAssetStore({ dir, db })
      const bytes = pngBytes(5000, 3)
      await store.put('board-b', inChunks(bytes, 5000), { maxBytes: 10_000 })
      db.delete(boards).where(eq(boards.id, 'board-b')).run()

      // The same bytes uploaded to another board: the store finds the file already in place,
      // and a cleanup runs right then, before the upload has recorded it for board A.
      let cleaned: Promise<number> | undefined
      fsHooks.afterStat = async () => {
        fsHooks.afterStat = undefined
        cleaned = store.removeUnreferenced()
        await cleaned
      }
      const { sha256 } = await store.put('board-a', inChunks(bytes, 1000), { maxBytes: 10_000 })
      expect(cleaned).toBeDefined()
      expect(await cleaned).toBe(0)
      const opened = await store.open('board-a', sha256)
      expect(opened).toBeDefined()
      expect(await readAll(opened!.stream())).toEqual(bytes)
    })
  })
})
