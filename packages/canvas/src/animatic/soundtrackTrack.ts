import { AudioBufferSource, canEncodeAudio, Quality, type AudioCodec, type Output } from 'mediabunny'
import { scheduleEnvelope } from '../soundtrack/duckEnvelope'
import type { MixedPart, SoundLayer } from './rangeSoundtrack'
import type { VideoFormatId } from './videoFormatChoice'
import { videoFormat } from './videoFormats'

/** The exported soundtrack's sample rate: Opus encodes only 48 kHz, and AAC takes it too. */
const SAMPLE_RATE = 48_000
const CHANNELS = 2
/** Seconds of audio handed to the encoder at a time, as the video frames reach them (interleaved, as a player reads the file). */
const CHUNK_SECONDS = 1

/** The audio codec each format carries: AAC in MP4 (what QuickTime and PowerPoint play), Opus in WebM. */
const AUDIO_CODECS: Record<VideoFormatId, AudioCodec> = { mp4: 'aac', webm: 'opus' }

/** The exported audio's encoding quality. */
const AUDIO_QUALITY = new Quality('high')

/** Whether this browser can encode the audio `format` carries (AAC in MP4, Opus in WebM) as the export encodes it. */
export async function canEncodeFormatAudio(format: VideoFormatId): Promise<boolean> {
  return canEncodeAudio(AUDIO_CODECS[format], { numberOfChannels: CHANNELS, sampleRate: SAMPLE_RATE, quality: AUDIO_QUALITY })
}

/** Why the video has no soundtrack although the board has one; its message is for the user. */
export class SilentExportError extends Error {
  override readonly name = 'SilentExportError'
}

/**
 * The audio as the video hears it: `seconds` long at 48 kHz stereo, each file's parts where they
 * play (rangeSoundtrack.ts), mixed at their levels (a shot's sound over the soundtrack, ducked
 * under it), cut at the video's end or padded with silence, and lowered as a whole if it would
 * clip ({@link keepUnderFullScale}). Decoded and laid out by the browser (an OfflineAudioContext
 * resamples and mixes a mono file to stereo).
 */
async function renderAudio(files: readonly { bytes: ArrayBuffer; layer: SoundLayer }[], seconds: number): Promise<AudioBuffer> {
  const context = new OfflineAudioContext(CHANNELS, Math.max(1, Math.ceil(seconds * SAMPLE_RATE)), SAMPLE_RATE)
  for (const { bytes, layer } of files) mixLayer(context, await decode(context, bytes, layer), layer)
  const mix = await context.startRendering()
  keepUnderFullScale(mix)
  return mix
}

/**
 * Plays every part of `layer` (its file, `decoded`) into `context`'s mix; a layer with an envelope
 * (the ducked soundtrack) plays them all through one gain automated along it, whose times are the
 * export's as the parts' are.
 */
export function mixLayer(context: BaseAudioContext, decoded: AudioBuffer, layer: SoundLayer): void {
  let into: AudioNode = context.destination
  if (layer.envelope) {
    const level = context.createGain()
    scheduleEnvelope(level.gain, layer.envelope)
    level.connect(context.destination)
    into = level
  }
  for (const part of layer.parts) mixPart(context, decoded, part, into)
}

/**
 * Plays `part` of `decoded` into `into` (the mix) where it belongs in the export, through a gain of
 * its level (a shot's Volume), so a loud effect sits under the soundtrack as it does in Present.
 */
export function mixPart(context: BaseAudioContext, decoded: AudioBuffer, part: MixedPart, into: AudioNode = context.destination): void {
  const source = context.createBufferSource()
  source.buffer = decoded
  const level = context.createGain()
  level.gain.value = part.gain
  source.connect(level).connect(into)
  source.start(part.at, Math.min(part.from, decoded.duration), part.seconds)
}

/**
 * Lowers the whole of `mix` in place, when a sample of it is past full scale, by as much as puts
 * its loudest sample at full scale, and returns the gain applied (1: left as it was). One gain over
 * the whole file rather than a compressor: a mix that does not clip is untouched sample for
 * sample, the balance between the soundtrack, the lines and the dips stays as the board set it,
 * and nothing pumps; a sum past full scale would be clipped hard by the encoder.
 */
export function keepUnderFullScale(mix: AudioBuffer): number {
  let peak = 0
  for (let channel = 0; channel < mix.numberOfChannels; channel++) {
    for (const sample of mix.getChannelData(channel)) peak = Math.max(peak, Math.abs(sample))
  }
  if (peak <= 1) return 1
  const gain = 1 / peak
  for (let channel = 0; channel < mix.numberOfChannels; channel++) {
    const samples = mix.getChannelData(channel)
    for (let i = 0; i < samples.length; i++) samples[i] = samples[i]! * gain
  }
  return gain
}

async function decode(context: BaseAudioContext, bytes: ArrayBuffer, layer: SoundLayer): Promise<AudioBuffer> {
  try {
    return await context.decodeAudioData(bytes)
  } catch (error) {
    throw new SilentExportError(`${layer.what} could not be decoded, so the video is silent.`, { cause: error })
  }
}

/** The bytes of `layer`'s file; a file that cannot be loaded makes the video silent, saying which. */
async function load(layer: SoundLayer, mediaUrl: (src: string) => string, signal: AbortSignal): Promise<ArrayBuffer> {
  try {
    return await fetchBytes(mediaUrl(layer.src), signal)
  } catch (error) {
    if (signal.aborted) throw error
    throw new SilentExportError(`${layer.what} could not be loaded, so the video is silent.`, { cause: error })
  }
}

/** The bytes at `url`; throws when it cannot be fetched (an HTTP error too). */
export async function fetchBytes(url: string, signal: AbortSignal): Promise<ArrayBuffer> {
  const response = await fetch(url, { signal })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.arrayBuffer()
}

/** `buffer`'s samples from `from` to `to` (sample frames) as a buffer of their own. */
function slice(buffer: AudioBuffer, from: number, to: number): AudioBuffer {
  const part = new AudioBuffer({ length: to - from, numberOfChannels: buffer.numberOfChannels, sampleRate: buffer.sampleRate })
  for (let channel = 0; channel < buffer.numberOfChannels; channel++) part.copyToChannel(buffer.getChannelData(channel).subarray(from, to), channel)
  return part
}

/**
 * The audio track of an export (the soundtrack and the shots' own sounds): added to the output
 * before it starts, then fed second by second as the video frames reach each one
 * ({@link feedUntil}), so the file interleaves its audio and pictures.
 */
export class SoundtrackTrack {
  private fed = 0

  private constructor(
    private readonly source: AudioBufferSource,
    private readonly audio: AudioBuffer,
  ) {}

  /**
   * Loads, decodes and mixes `layers` (rangeSoundtrack.ts) for a video of `seconds` in `format`,
   * and adds its track to `output`. Throws {@link SilentExportError} when no part of any file
   * plays under the exported shots (the soundtrack ends before them), when the browser cannot
   * encode the format's audio codec, or cannot load or decode a file.
   */
  static async add(
    output: Output,
    layers: readonly SoundLayer[],
    { format, seconds, mediaUrl, signal }: { format: VideoFormatId; seconds: number; mediaUrl(src: string): string; signal: AbortSignal },
  ): Promise<SoundtrackTrack> {
    const playing = layers.filter((layer) => layer.parts.length > 0)
    if (playing.length === 0) throw new SilentExportError('The soundtrack ends before these shots, so the video is silent.')
    if (!(await canEncodeFormatAudio(format))) throw new SilentExportError(`This browser can’t encode ${videoFormat(format).audio} audio, so the video is silent.`)
    let audio: AudioBuffer
    try {
      const files = await Promise.all(playing.map(async (layer) => ({ layer, bytes: await load(layer, mediaUrl, signal) })))
      audio = await renderAudio(files, seconds)
    } catch (error) {
      if (signal.aborted || error instanceof SilentExportError) throw error
      throw new SilentExportError('The sound could not be mixed, so the video is silent.', { cause: error })
    }
    const source = new AudioBufferSource({ codec: AUDIO_CODECS[format], quality: AUDIO_QUALITY })
    output.addAudioTrack(source)
    return new SoundtrackTrack(source, audio)
  }

  /** Hands the encoder the audio up to `seconds` (a chunk at a time), as the video reaches it. */
  async feedUntil(seconds: number): Promise<void> {
    const until = Math.min(this.audio.length, Math.ceil(seconds * SAMPLE_RATE))
    while (this.fed < until) {
      const next = Math.min(this.audio.length, this.fed + CHUNK_SECONDS * SAMPLE_RATE)
      await this.source.add(slice(this.audio, this.fed, next))
      this.fed = next
    }
  }

  /** Feeds the rest and closes the track. */
  async finish(): Promise<void> {
    await this.feedUntil(this.audio.length / SAMPLE_RATE)
    this.source.close()
  }
}
