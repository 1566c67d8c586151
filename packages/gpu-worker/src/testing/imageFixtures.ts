import { crc32 } from 'node:zlib'
import { encodePng, type RgbImage } from '../pipeline/rgbImage'

/** A `side`×`side` image of one colour. */
export function flatImage(rgb: readonly [number, number, number], side: number): RgbImage {
  const data = new Uint8Array(side * side * 3)
  for (let p = 0; p < side * side; p++) data.set(rgb, p * 3)
  return { width: side, height: side, data }
}

/** A small PNG whose header claims `width` × `height` (a decompression bomb's header, without its payload). */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await encodePng({ width: 1, height: 1, data: new Uint8Array(3) }))
  // IHDR: length (4) 'IHDR' (4) width (4) height (4) … at offset 8; its CRC covers type + data.
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
  return png
}
