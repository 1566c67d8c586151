import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { readClipHeaderOf, type ReadFileRange } from '@storyloom/shared/versions/clipHeader'
import { readPictureHeaderOf } from '@storyloom/shared/versions/pictureHeader'
import { VERSION_ASSET_MAX_SIDE, type VersionAsset } from '@storyloom/shared/versions/shotVersion'
import type { OpenedAsset } from '../assets/assetStore'
import { VersionStoreError } from './versionStoreErrors'

/** A take file's pixel size, as its header says. */
export type TakeFileSize = { width: number; height: number }

/**
 * What a take file's own header says (never the client's numbers): its size, or why it cannot
 * be a take: `damaged` (no size to read: cut short, damaged, or only its first bytes a picture's
 * or a clip's) or `oversized` (more than VERSION_ASSET_MAX_SIDE on a side; for a clip, as shown
 * or as a decoder allocates its frames). `read` gives `length` bytes of the file from `start`.
 */
export type TakeFileMeasure =
  | { kind: 'size'; width: number; height: number }
  | { kind: 'damaged'; why: string }
  | { kind: 'oversized'; width: number; height: number }

/** Reads a take file's header (a picture's, or a clip's for a `video/` type); never throws for a bad file. */
export async function measureTakeFile(mimeType: string, fileSize: number, read: ReadFileRange): Promise<TakeFileMeasure> {
  const clip = mimeType.startsWith('video/')
  const header = clip ? await readClipHeaderOf(fileSize, read) : await readPictureHeaderOf(fileSize, (length) => read(0, length))
  if (header.kind !== 'size') {
    return { kind: 'damaged', why: header.kind === 'truncated' ? 'its header is cut short' : 'its header is damaged or declares no size' }
  }
  const { width, height } = header
  const [widest, tallest] = 'codedWidth' in header ? [Math.max(width, header.codedWidth), Math.max(height, header.codedHeight)] : [width, height]
  if (widest > VERSION_ASSET_MAX_SIDE || tallest > VERSION_ASSET_MAX_SIDE) return { kind: 'oversized', width: widest, height: tallest }
  return { kind: 'size', width, height }
}

/**
 * Why a file measured as `measure` cannot be a take, as the error to answer with:
 * `unsupported_media_type` for one whose header cannot be read, `invalid_size` for one larger
 * than a take may be; undefined for a file that can be one.
 */
export function takeFileRefusal(mimeType: string, measure: TakeFileMeasure): VersionStoreError | undefined {
  const what = mimeType.startsWith('video/') ? 'clip' : 'picture'
  if (measure.kind === 'damaged') return new VersionStoreError(ApiErrorCode.unsupportedMediaType, `the ${what} cannot be read as a take: ${measure.why}`)
  if (measure.kind === 'oversized') {
    return new VersionStoreError(
      ApiErrorCode.invalidSize,
      `the ${what} is ${measure.width} × ${measure.height} pixels: a take is at most ${VERSION_ASSET_MAX_SIDE} pixels on a side`,
    )
  }
  return undefined
}

/**
 * The pixel size of a take's file (a still or a clip), from its header. Throws what
 * {@link takeFileRefusal} says for a file that cannot be a take.
 */
export async function takeFileSize(mimeType: string, fileSize: number, read: ReadFileRange): Promise<TakeFileSize> {
  const measure = await measureTakeFile(mimeType, fileSize, read)
  if (measure.kind !== 'size') throw takeFileRefusal(mimeType, measure)
  return { width: measure.width, height: measure.height }
}

/**
 * `asset` as its file's header says: its size and `header: 'read'`, or, for a file that cannot
 * be a take, `header: 'damaged' | 'oversized'` and no size (the numbers it had are not to be trusted).
 */
export function measuredAsset(asset: VersionAsset, measure: TakeFileMeasure): VersionAsset {
  const { width: _width, height: _height, ...rest } = asset
  if (measure.kind !== 'size') return { ...rest, header: measure.kind }
  return { ...rest, width: measure.width, height: measure.height, header: 'read' }
}

/** Reads `length` bytes of a stored file from `start`. */
export function rangeReader(file: Pick<OpenedAsset, 'size' | 'stream'>): ReadFileRange {
  return async (start, length) => {
    const end = Math.min(start + length, file.size) - 1
    return end < start ? new Uint8Array() : streamBytes(file.stream({ start, end }))
  }
}

/** Collects a byte stream into one array. */
export async function streamBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks)
}
