import { createHash, randomUUID } from 'node:crypto'
import { readdirSync, rmSync, unlinkSync } from 'node:fs'
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { and, eq, sql } from 'drizzle-orm'
import type { AssetMimeType } from '@storyloom/shared/api/assets'
import type { Db } from '../db/openDatabase'
import { boardAssets } from '../db/schema'
import { AssetBoardNotFoundError, AssetTooLargeError, UnsupportedAssetTypeError } from './assetErrors'
import { fileReadStream } from './fileReadStream'
import { SNIFF_BYTES, sniffMediaType } from './sniffMediaType'

const TEMP_PREFIX = '.upload-'

/** An asset file as stored for a board. */
export type StoredAsset = {
  sha256: string
  mimeType: AssetMimeType
  size: number
  fileName: string | null
}

/** An asset a board has, ready to be streamed. */
export type OpenedAsset = StoredAsset & {
  /** Reads the file, or the inclusive byte range `[start, end]` of it. */
  stream(range?: { start: number; end: number }): ReadableStream<Uint8Array>
}

export type PutAssetOptions = {
  /** Uploads larger than this are refused with `AssetTooLargeError`. */
  maxBytes: number
  fileName?: string
  /**
   * Looks at the uploaded file before it is stored (`read(start, length)`: `length` bytes of it
   * from `start`); whatever it throws refuses the upload, and nothing is stored (a file other
   * uploads share is kept).
   */
  accept?: (file: { mimeType: AssetMimeType; size: number; read(start: number, length: number): Promise<Uint8Array> }) => Promise<void>
}

/** Content-addressed file storage for board assets (images and clips). */
export type AssetStore = {
  /**
   * Streams `body` to disk while hashing and measuring it, then makes it reachable through
   * `boardId`. Throws `AssetTooLargeError`, `UnsupportedAssetTypeError` or
   * `AssetBoardNotFoundError`; on any failure no file is left behind.
   */
  put(
    boardId: string,
    body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
    options: PutAssetOptions,
  ): Promise<StoredAsset>
  /** The asset if `boardId` has it (and its file is present), else undefined. */
  open(boardId: string, sha256: string): Promise<OpenedAsset | undefined>
  /**
   * Makes `fromBoardId`'s file `sha256` reachable through `toBoardId` too (the same file: a row,
   * no bytes copied), and returns it; undefined when `fromBoardId` does not have it. Copying what
   * the board already has changes nothing. Throws `AssetBoardNotFoundError` if `toBoardId` is gone.
   */
  copy(fromBoardId: string, toBoardId: string, sha256: string): Promise<StoredAsset | undefined>
  /**
   * Deletes the files no board refers to any more (a deleted board's assets, unless another
   * board uploaded the same bytes). Uploads in progress are never touched. Returns how many
   * files were removed.
   */
  removeUnreferenced(): Promise<number>
  /** Resolves once no cleanup is running, so the database can be closed under none. */
  idle(): Promise<void>
}

const SHA256_FILE_NAME = /^[0-9a-f]{64}$/u

/**
 * Reads chunks without cancelling the stream on an early exit: cancelling an HTTP request body
 * would tear down the connection before the error response (413/415) reaches the client.
 */
async function* chunksOf(body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (!('getReader' in body)) {
    yield* body
    return
  }
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

/**
 * Creates the asset store over `dir`. Files live at `<dir>/<sha[0..2]>/<sha>` and are shared by
 * every board that uploaded the same bytes; a `board_assets` row is what makes a file visible
 * through a board.
 */
export function createAssetStore(opts: { dir: string; db: Db }): AssetStore {
  const { dir, db } = opts
  removeAbandonedUploads(dir)
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256)
  /** Files between their rename into place and their board row: unreferenced, but not orphans. */
  const settling = new Map<string, number>()
  /** Cleanups in progress (see `idle`). */
  const running = new Set<Promise<void>>()
  const settle = (sha256: string, delta: 1 | -1) => {
    const count = (settling.get(sha256) ?? 0) + delta
    if (count > 0) settling.set(sha256, count)
    else settling.delete(sha256)
  }
  const isReferenced = (sha256: string) =>
    db.select({ sha256: boardAssets.sha256 }).from(boardAssets).where(eq(boardAssets.sha256, sha256)).limit(1).get() !== undefined

  /** Writes the upload to a temp file in `dir` (same file system, so the final rename is atomic). */
  async function writeTemp(body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>, maxBytes: number) {
    await mkdir(dir, { recursive: true })
    const tempPath = join(dir, `${TEMP_PREFIX}${randomUUID()}`)
    const file = await open(tempPath, 'wx')
    const hash = createHash('sha256')
    let size = 0
    let head = new Uint8Array(0)
    let mimeType: AssetMimeType | undefined
    try {
      for await (const chunk of chunksOf(body)) {
        size += chunk.byteLength
        if (size > maxBytes) throw new AssetTooLargeError(maxBytes)
        if (mimeType === undefined && head.byteLength < SNIFF_BYTES) {
          head = Buffer.concat([head, chunk])
          // Refuse a wrong type as soon as its first bytes are in, not after the whole upload.
          if (head.byteLength >= SNIFF_BYTES) mimeType = sniffMediaType(head) ?? fail()
        }
        hash.update(chunk)
        await file.write(chunk)
      }
      mimeType ??= sniffMediaType(head) ?? fail()
      // The database row is committed after this; the bytes must be on disk before it.
      await file.datasync()
    } catch (error) {
      await file.close().catch(() => {})
      await unlink(tempPath).catch(() => {})
      throw error
    }
    await file.close()
    return { tempPath, sha256: hash.digest('hex'), size, mimeType }
  }

  const store: AssetStore = {
    async put(boardId, body, { maxBytes, fileName, accept }) {
      const { tempPath, sha256, size, mimeType } = await writeTemp(body, maxBytes)
      if (accept) {
        try {
          await accept({ mimeType, size, read: (start, length) => readRange(tempPath, start, length) })
        } catch (error) {
          await unlink(tempPath).catch(() => {})
          throw error
        }
      }
      const finalPath = pathOf(sha256)
      settle(sha256, 1)
      try {
        const existing = await stat(finalPath).catch(() => undefined)
        if (existing?.isFile() && existing.size === size) {
          await unlink(tempPath)
        } else {
          await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true })
          await rename(tempPath, finalPath)
        }
      } catch (error) {
        settle(sha256, -1)
        await unlink(tempPath).catch(() => {})
        throw error
      }
      try {
        db.insert(boardAssets)
          .values({ boardId, sha256, mimeType, size, fileName: fileName ?? null, createdAt: new Date() })
          .onConflictDoNothing()
          .run()
      } catch (error) {
        // The file stays: it is content-addressed and may already serve other boards.
        if (isForeignKeyViolation(error)) throw new AssetBoardNotFoundError(boardId, { cause: error })
        throw error
      } finally {
        settle(sha256, -1)
      }
      return { sha256, mimeType, size, fileName: fileName ?? null }
    },

    async open(boardId, sha256) {
      const row = db
        .select()
        .from(boardAssets)
        .where(and(eq(boardAssets.boardId, boardId), eq(boardAssets.sha256, sha256)))
        .get()
      if (!row) return undefined
      const path = pathOf(sha256)
      const file = await stat(path).catch(() => undefined)
      if (!file?.isFile()) return undefined
      return {
        sha256,
        mimeType: row.mimeType as AssetMimeType,
        size: file.size,
        fileName: row.fileName,
        stream: (range) => fileReadStream(path, range ?? { start: 0, end: file.size - 1 }),
      }
    },

    async copy(fromBoardId, toBoardId, sha256) {
      // The file must be there, not only its row, or the copy would be a row serving nothing.
      const source = await store.open(fromBoardId, sha256)
      if (!source) return undefined
      try {
        // Inserted from the source row in one statement: had the source board been deleted since
        // (its file then unreferenced), nothing is inserted, rather than a row for a removed file.
        const copied = db
          .insert(boardAssets)
          .select(
            db
              .select({
                boardId: sql<string>`${toBoardId}`.as('board_id'),
                sha256: boardAssets.sha256,
                mimeType: boardAssets.mimeType,
                size: boardAssets.size,
                fileName: boardAssets.fileName,
                createdAt: sql<number>`${Date.now()}`.as('created_at'),
              })
              .from(boardAssets)
              .where(and(eq(boardAssets.boardId, fromBoardId), eq(boardAssets.sha256, sha256))),
          )
          .onConflictDoNothing()
          .run()
        const has = copied.changes > 0 || (await store.open(toBoardId, sha256)) !== undefined
        return has ? { sha256, mimeType: source.mimeType, size: source.size, fileName: source.fileName } : undefined
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new AssetBoardNotFoundError(toBoardId, { cause: error })
        throw error
      }
    },

    removeUnreferenced() {
      const cleanup = removeUnreferencedFiles()
      const tracked = cleanup.then(
        () => undefined,
        () => undefined,
      )
      running.add(tracked)
      void tracked.then(() => running.delete(tracked))
      return cleanup
    },
    async idle() {
      await Promise.all([...running])
    },
  }
  return store

  /** See `AssetStore.removeUnreferenced`. */
  async function removeUnreferencedFiles(): Promise<number> {
    let removed = 0
    const referenced = new Set(db.selectDistinct({ sha256: boardAssets.sha256 }).from(boardAssets).all().map((r) => r.sha256))
    const shards = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const shard of shards) {
      if (!shard.isDirectory()) continue
      const names = await readdir(join(dir, shard.name)).catch(() => [] as string[])
      for (const name of names) {
        if (!SHA256_FILE_NAME.test(name) || name.slice(0, 2) !== shard.name) continue
        // Checked again and unlinked in one synchronous step: an upload of the same bytes
        // cannot slip in between (it marks the file as settling before relying on it).
        if (referenced.has(name) || settling.has(name) || isReferenced(name)) continue
        try {
          unlinkSync(pathOf(name))
          removed++
        } catch {
          // already gone
        }
      }
    }
    return removed
  }
}

/** `length` bytes of the file at `path` from `start` (fewer at its end). */
async function readRange(path: string, start: number, length: number): Promise<Uint8Array> {
  const file = await open(path, 'r')
  try {
    const { bytesRead, buffer } = await file.read(new Uint8Array(length), 0, length, start)
    return buffer.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

/** Temp files of uploads that a crash interrupted; nothing refers to them. */
function removeAbandonedUploads(dir: string): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return // not created yet
  }
  for (const name of names) if (name.startsWith(TEMP_PREFIX)) rmSync(join(dir, name), { force: true })
}

function fail(): never {
  throw new UnsupportedAssetTypeError()
}
