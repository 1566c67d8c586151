import sharp from 'sharp'
import { MAX_REFERENCE_PIXELS } from '@storyloom/shared/generation/referenceUse'
import { ReferenceTooLargeError, ReferenceUnreadableError } from '../errors'
import { planarToRgb } from './planarToRgb/planarToRgb'

/** An 8-bit RGB image, rows top to bottom, pixels interleaved R, G, B. */
export type RgbImage = { width: number; height: number; data: Uint8Array }

/** Encodes a generated image as PNG (off the event loop, in sharp's thread pool). */
export async function encodePng(image: RgbImage): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } }).png().toBuffer()
}


/**
 * Decodes an uploaded reference image (PNG, JPEG, WebP…), cropped to the target aspect
 * (centred) and resized to exactly `width` × `height` RGB. `what` names it in errors ("the
 * style reference"). Throws {@link ReferenceUnreadableError} for bytes that are not an
 * image and {@link ReferenceTooLargeError} for images over {@link MAX_REFERENCE_PIXELS}, checked from the header before decoding.
 */
export async function decodeReferenceImage(bytes: Uint8Array, width: number, height: number, what: string): Promise<RgbImage> {
  let size: { width?: number | undefined; height?: number | undefined }
  try {
    size = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch (cause) {
    throw new ReferenceUnreadableError(`${what} is not an image the worker can read (PNG, JPEG, WebP, GIF or AVIF)`, { cause })
  }
  const pixels = (size.width ?? 0) * (size.height ?? 0)
  if (pixels > MAX_REFERENCE_PIXELS) {
    throw new ReferenceTooLargeError(`${what} is too large (${size.width}×${size.height}): at most ${MAX_REFERENCE_PIXELS / 1_000_000} megapixels`)
  }
  try {
    const data = await sharp(bytes, { limitInputPixels: MAX_REFERENCE_PIXELS }).rotate().removeAlpha().resize(width, height, { fit: 'cover' }).toColourspace('srgb').raw().toBuffer()
    return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
  } catch (cause) {
    throw new ReferenceUnreadableError(`${what} could not be decoded`, { cause })
  }
}

/** The RGB input of an image-to-image generation: {@link decodeReferenceImage} at the output size. */
export function decodeInitImage(bytes: Uint8Array, width: number, height: number): Promise<RgbImage> {
  return decodeReferenceImage(bytes, width, height, 'the composition reference')
}

/** Model image tensor ([1, 3, H, W], values in [-1, 1]) → RGB bytes (see {@link planarToRgb}). */
export function tensorToRgb(values: Float32Array, width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3)
  planarToRgb(values, width * height, data)
  return { width, height, data }
}

/** RGB bytes → model image tensor data ([3, H, W], values in [-1, 1]). */
export function rgbToTensor(image: RgbImage): Float32Array {
  const plane = image.width * image.height
  const out = new Float32Array(plane * 3)
  for (let c = 0; c < 3; c++) {
    for (let p = 0; p < plane; p++) out[c * plane + p] = ((image.data[p * 3 + c] as number) / 255) * 2 - 1
  }
  return out
}
