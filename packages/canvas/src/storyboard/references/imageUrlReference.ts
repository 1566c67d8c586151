import { AssetRecordType, createShapeId, getHashForString, type Editor, type TLImageAsset } from 'tldraw'
import { MAX_URL_LENGTH } from '@storyloom/shared/storyboard/limits'

const IMAGE_URL = /^https?:\/\/[^\s]+\.(png|jpe?g|gif|webp|avif)([?#][^\s]*)?$/i

/** True for an http(s) address of an image file (pasted as an image, not as a link card). */
export function isImageUrl(url: string): boolean {
  return url.length <= MAX_URL_LENGTH && IMAGE_URL.test(url)
}

/**
 * The file name an image address shows in lists: its last path segment, decoded when that is
 * valid percent-encoding (`100%.png` is not, and is kept as written rather than failing the paste).
 */
export function imageNameFromUrl(url: string): string {
  const last = new URL(url).pathname.split('/').pop() || 'image'
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

/** The image's size, or a 16:9 guess when it cannot be loaded (offline, or the host refuses). */
function imageSize(url: string): Promise<{ w: number; h: number }> {
  return new Promise((resolve) => {
    const img = new Image()
    const fallback = () => resolve({ w: 1280, h: 720 })
    const timer = setTimeout(fallback, 3000)
    img.onload = () => {
      clearTimeout(timer)
      resolve(img.naturalWidth > 0 ? { w: img.naturalWidth, h: img.naturalHeight } : { w: 1280, h: 720 })
    }
    img.onerror = () => {
      clearTimeout(timer)
      fallback()
    }
    img.src = url
  })
}

/**
 * Puts an image from a pasted address on the board, centred at `center`, linked by its URL (the
 * board holds addresses, never image data). Returns the new shape's id.
 */
export async function createImageFromUrl(editor: Editor, url: string, center: { x: number; y: number }) {
  const { w, h } = await imageSize(url)
  const assetId = AssetRecordType.createId(getHashForString(url))
  const name = imageNameFromUrl(url)
  const id = createShapeId()
  editor.run(() => {
    if (!editor.getAsset(assetId)) {
      editor.createAssets([
        AssetRecordType.create({
          id: assetId,
          type: 'image',
          props: { name, src: url, w, h, mimeType: null, isAnimated: false },
        }) as TLImageAsset,
      ])
    }
    editor.createShape({ id, type: 'image', x: center.x - w / 2, y: center.y - h / 2, props: { assetId, w, h } })
  })
  return id
}
