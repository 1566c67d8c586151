/**
 * A PNG signature and an IHDR declaring `width` × `height`, the rest `fill`: all a header reader
 * looks at (a 64-byte file can declare a decompression bomb's size).
 */
export function pngHeader(width: number, height: number, fill: number): Uint8Array {
  const bytes = new Uint8Array(64).fill(fill)
  const view = new DataView(bytes.buffer)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  view.setUint32(8, 13)
  bytes.set([0x49, 0x48, 0x44, 0x52], 12)
  view.setUint32(16, width)
  view.setUint32(20, height)
  return bytes
}
