import { readPictureHeaderOf } from '@storyloom/shared/versions/pictureHeader'
import { VERSION_ASSET_MAX_SIDE } from '@storyloom/shared/versions/shotVersion'

type Size = { width: number; height: number }

/** The browser's decoder: the size of the decoded picture, or undefined if it cannot decode it. */
async function decodedSize(file: Blob): Promise<Size | undefined> {
  try {
    const bitmap = await createImageBitmap(file)
    const size = { width: bitmap.width, height: bitmap.height }
    bitmap.close()
    return size
  } catch {
    return undefined
  }
}

/**
 * Reads an image file's pixel size in the browser (undefined for clips or unreadable files).
 * The header is read first: a picture whose header cannot be read is undefined, and one larger
 * than a take may be is answered with its declared size without being decoded (a small file
 * can declare 100000 × 100000 pixels, whose decoding would exhaust the tab). Only a picture
 * within the limit is decoded, so that one whose data does not match its header is caught too.
 * `decode` is the browser's decoder (injected in tests).
 */
export async function imageFileSize(file: File, decode: (file: Blob) => Promise<Size | undefined> = decodedSize): Promise<Size | undefined> {
  if (!file.type.startsWith('image/')) return undefined
  const header = await readPictureHeaderOf(file.size, async (length) => new Uint8Array(await file.slice(0, length).arrayBuffer()))
  if (header.kind !== 'size') return undefined
  if (header.width > VERSION_ASSET_MAX_SIDE || header.height > VERSION_ASSET_MAX_SIDE) return { width: header.width, height: header.height }
  return decode(file)
}
