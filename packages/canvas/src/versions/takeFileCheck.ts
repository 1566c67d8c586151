import { PICTURE_MIME_TYPES, TAKE_FILE_TYPES } from '@storyloom/shared/api/assets'
import { VERSION_ASSET_MAX_SIDE } from '@storyloom/shared/versions/shotVersion'
import { imageFileSize } from './imageFileSize'

/** Pixel size of a picture, as the browser read it (see imageFileSize). */
export type PictureSize = { width: number; height: number }

/**
 * Whether a file may become a take: its picture size to send along, or why not — `reason` a
 * sentence naming the file, `problem` the same without the name (for a list of refused files).
 */
export type TakeFileCheck = { ok: true; size: PictureSize | undefined } | { ok: false; reason: string; problem: string }

/**
 * Checks a picked, dropped or pasted file before it is uploaded as a take, which becomes the
 * shot's image for everyone at once: an image the browser cannot decode (damaged, or a header
 * claiming a size its data does not have) would leave every frame blank, and one larger than the
 * server takes would be uploaded only to be refused. Clips and other files go to the server as
 * they are (it knows its formats); a file of another declared type (audio, text) is refused
 * naming the types a take may be. `measure` reads the picture's size, from its header before
 * any decoding (imageFileSize; injected in tests).
 */
export async function checkTakeFile(file: File, measure: (file: File) => Promise<PictureSize | undefined> = imageFileSize): Promise<TakeFileCheck> {
  if (file.type && !(PICTURE_MIME_TYPES as readonly string[]).includes(file.type)) {
    const problem = `not ${TAKE_FILE_TYPES}`
    return { ok: false, reason: `${file.name} is ${problem}.`, problem }
  }
  if (!file.type.startsWith('image/')) return { ok: true, size: undefined }
  const size = await measure(file)
  if (!size) {
    const problem = 'cannot be shown as a picture: it is damaged or not the image it says it is'
    return { ok: false, reason: `${file.name} ${problem}.`, problem }
  }
  if (size.width > VERSION_ASSET_MAX_SIDE || size.height > VERSION_ASSET_MAX_SIDE) {
    const problem = `${size.width} × ${size.height} pixels: a picture is at most ${VERSION_ASSET_MAX_SIDE} pixels on a side`
    return { ok: false, reason: `${file.name} is ${size.width} × ${size.height} pixels: a take is at most ${VERSION_ASSET_MAX_SIDE} pixels on a side.`, problem }
  }
  return { ok: true, size }
}
