/**
 * The frame durations of an animated WebP, in seconds, read from its container (one `ANMF`
 * chunk per frame, its duration in milliseconds at bytes 12–14 of the chunk), so a clip's
 * timeline is known without decoding every frame. Null when the bytes are not an animated WebP.
 * See https://developers.google.com/speed/webp/docs/riff_container#animation.
 */
export function webpFrameDurations(bytes: Uint8Array): number[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const fourCC = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!)
  if (bytes.length < 12 || fourCC(0) !== 'RIFF' || fourCC(8) !== 'WEBP') return null
  const end = Math.min(bytes.length, 8 + view.getUint32(4, true))
  const durations: number[] = []
  // Chunks: FourCC, little-endian payload size, payload padded to an even length.
  for (let at = 12; at + 8 <= end; ) {
    const size = view.getUint32(at + 4, true)
    if (fourCC(at) === 'ANMF') {
      if (size < 16 || at + 8 + 16 > end) return null
      const p = at + 8 + 12
      durations.push((bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16)) / 1000)
    }
    at += 8 + size + (size & 1)
  }
  return durations.length > 0 ? durations : null
}
