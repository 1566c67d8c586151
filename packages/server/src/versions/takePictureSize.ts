import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { readPictureHeaderOf } from '@storyloom/shared/versions/pictureHeader'
import { VERSION_ASSET_MAX_SIDE } from '@storyloom/shared/versions/shotVersion'
import { VersionStoreError } from './versionStoreErrors'

/** A take picture's pixel size, as its header says. */
export type TakePictureSize = { width: number; height: number }

/**
 * The pixel size of a take's still, read from the file's own header (never the client's
 * numbers); undefined for a clip, whose size the server does not read. Throws
 * `unsupported_media_type` for a picture whose header cannot be read (damaged, cut short, or
 * only its first bytes a picture's) and `invalid_size` for one larger than a take may be.
 * `read(length)` gives the file's first `length` bytes.
 */
export async function takePictureSize(
  mimeType: string,
  fileSize: number,
  read: (length: number) => Promise<Uint8Array>,
): Promise<TakePictureSize | undefined> {
  if (!mimeType.startsWith('image/')) return undefined
  const header = await readPictureHeaderOf(fileSize, read)
  if (header.kind !== 'size') {
    const why = header.kind === 'truncated' ? 'its header is cut short' : 'its header is damaged or declares no size'
    throw new VersionStoreError(ApiErrorCode.unsupportedMediaType, `the picture cannot be read as a take: ${why}`)
  }
  const { width, height } = header
  if (width > VERSION_ASSET_MAX_SIDE || height > VERSION_ASSET_MAX_SIDE) {
    throw new VersionStoreError(
      ApiErrorCode.invalidSize,
      `the picture is ${width} × ${height} pixels: a take is at most ${VERSION_ASSET_MAX_SIDE} pixels on a side`,
    )
  }
  return { width, height }
}

/** Collects a byte stream into one array. */
export async function streamBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks)
}
