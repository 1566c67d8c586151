/**
 * How finely the waveform is kept: a bucket per 10 ms. Fine enough for a beat on a wide timeline
 * (a 10 s animatic over 1,000 px), and small: 15 minutes are 90,000 floats (360 KB).
 */
export const PEAKS_PER_SECOND = 100

/** A soundtrack's loudness over time: the loudest sample in each bucket of `1 / perSecond` seconds, 0 to 1. */
export interface SoundtrackPeaks {
  readonly perSecond: number
  readonly values: Float32Array
}

/**
 * The peak envelope of decoded audio: for each bucket of `1 / perSecond` seconds, the largest
 * absolute sample over all channels (a sound in one ear shows as much as in both). Sample `i`
 * falls in bucket `⌊i · perSecond / sampleRate⌋`; the last bucket takes what remains.
 */
export function peakEnvelope(channels: readonly Float32Array[], sampleRate: number, perSecond: number): SoundtrackPeaks {
  const length = Math.max(0, ...channels.map((channel) => channel.length))
  const values = new Float32Array(Math.ceil((length * perSecond) / sampleRate))
  for (let bucket = 0; bucket < values.length; bucket++) {
    const from = Math.ceil((bucket * sampleRate) / perSecond)
    const to = Math.min(length, Math.ceil(((bucket + 1) * sampleRate) / perSecond))
    let peak = 0
    for (const channel of channels) {
      for (let i = from; i < to && i < channel.length; i++) {
        const sample = Math.abs(channel[i]!)
        if (sample > peak) peak = sample
      }
    }
    values[bucket] = Math.min(peak, 1)
  }
  return { perSecond, values }
}
