import { createHash } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'

type Rgb = [number, number, number]

/** A valid PNG of `width` × `height` pixels, all one opaque RGB colour. */
export function solidPng(width: number, height: number, colour: Rgb): Buffer {
  return columnsPng(width, height, () => colour)
}

/** A valid PNG of `width` × `height` pixels, each column one opaque colour (`colourAt` its x): a picture whose crop can be told apart. */
export function columnsPng(width: number, height: number, colourAt: (x: number) => Rgb): Buffer {
  // Each row: filter byte 0 (none), then RGB triples.
  const row = Buffer.alloc(1 + width * 3)
  for (let x = 0; x < width; x++) row.set(colourAt(x), 1 + x * 3)
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))

  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit depth, truecolour, deflate, no filter, no interlace

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A PNG whose header claims `width` × `height` greyscale pixels over a few hundred bytes of data: no browser can show it. */
export function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(4 * (width + 1)))), // about four rows of the many claimed
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Lowercase hex SHA-256, the server's id for an uploaded file. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}
