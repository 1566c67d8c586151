/**
 * A valid 16-bit mono PCM WAV file of a sine tone, `seconds` long (silent for its first
 * `silentFor` seconds): a soundtrack the tests upload (the server sniffs it as audio/wav, and
 * browsers decode and play it).
 */
export function makeWav(
  seconds: number,
  { sampleRate = 8000, hz = 440, silentFor = 0 }: { sampleRate?: number; hz?: number; silentFor?: number } = {},
): Uint8Array<ArrayBuffer> {
  const samples = Math.round(seconds * sampleRate)
  const out = Buffer.alloc(44 + samples * 2)
  out.write('RIFF', 0, 'ascii')
  out.writeUInt32LE(36 + samples * 2, 4)
  out.write('WAVEfmt ', 8, 'ascii')
  out.writeUInt32LE(16, 16)
  out.writeUInt16LE(1, 20) // PCM
  out.writeUInt16LE(1, 22) // mono
  out.writeUInt32LE(sampleRate, 24)
  out.writeUInt32LE(sampleRate * 2, 28)
  out.writeUInt16LE(2, 32)
  out.writeUInt16LE(16, 34)
  out.write('data', 36, 'ascii')
  out.writeUInt32LE(samples * 2, 40)
  for (let i = Math.round(silentFor * sampleRate); i < samples; i++) out.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / sampleRate)), 44 + i * 2)
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Uint8Array<ArrayBuffer>
}
