import { readAudioDuration } from './readAudioDuration'
import { peakEnvelope, PEAKS_PER_SECOND, type SoundtrackPeaks } from './soundtrackPeaks'

/**
 * The longest soundtrack whose waveform is drawn: 15 minutes. The browser decodes a file to 32-bit
 * float PCM at its own rate before resampling it: a 25 MB MP3 (the upload limit, ~27 min at
 * 128 kbps) would be ~570 MB at 44.1 kHz stereo, too much for a phone's tab. 15 minutes are at
 * most ~350 MB for that moment (48 kHz stereo) and 58 MB once resampled to {@link DECODE_RATE}
 * — far more than an animatic's scratch track needs. A longer one plays, without a waveform.
 */
export const MAX_WAVEFORM_SECONDS = 15 * 60

/** The rate the file is decoded to: enough for a loudness envelope, and an eighth of CD audio's memory. */
const DECODE_RATE = 8_000

/** Peaks already worked out, by URL: an asset URL names its bytes (a SHA-256), so they never go stale. */
const loaded = new Map<string, SoundtrackPeaks | null>()
/** A few at most: Replace back and forth, another board, a review link (under a KB a second each). */
const KEPT = 4

/**
 * The waveform of the soundtrack at `url`, fetched and decoded once (then from memory), or null
 * when the browser cannot decode it or it is longer than {@link MAX_WAVEFORM_SECONDS}. Rejects
 * when `signal` aborts, and when the file cannot be fetched (not remembered: the next try may work).
 */
export async function loadSoundtrackPeaks(url: string, signal: AbortSignal): Promise<SoundtrackPeaks | null> {
  const known = loaded.get(url)
  if (known !== undefined) return known
  const response = await fetch(url, { signal })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const bytes = await response.arrayBuffer()
  signal.throwIfAborted()
  // The length on the board is what the uploading browser said: read the file's own before
  // decoding it whole, so a falsified length cannot make every viewer decode hours of audio.
  const length = await readAudioDuration(new Blob([bytes]))
  signal.throwIfAborted()
  const peaks = length !== undefined && length <= MAX_WAVEFORM_SECONDS ? await decodePeaks(bytes) : null
  signal.throwIfAborted()
  loaded.set(url, peaks)
  if (loaded.size > KEPT) loaded.delete(loaded.keys().next().value!)
  return peaks
}

/** The peaks of a file's audio, or null when this browser cannot decode it or it is too long. */
async function decodePeaks(bytes: ArrayBuffer): Promise<SoundtrackPeaks | null> {
  try {
    const decoded = await new OfflineAudioContext(1, 1, DECODE_RATE).decodeAudioData(bytes)
    if (decoded.duration > MAX_WAVEFORM_SECONDS) return null
    const channels = Array.from({ length: decoded.numberOfChannels }, (_, channel) => decoded.getChannelData(channel))
    return peakEnvelope(channels, decoded.sampleRate, PEAKS_PER_SECOND)
  } catch {
    // Not a file this browser decodes: no waveform (the <audio> says whether it plays at all).
    return null
  }
}
