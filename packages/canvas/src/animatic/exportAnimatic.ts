import { BufferTarget, CanvasSource, Output } from 'mediabunny'
import type { TLStore } from 'tldraw'
import { findBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { presentationModel, type PresentationShot } from '../presentation/presentationShots'
import { openSketchEditor } from '../presentation/sketchEditor'
import { animaticFrames, videoFrameSize } from './animaticFrames'
import { drawShotFrame, type FramePicture } from './drawShotFrame'
import { shotTransitionAt } from '../presentation/shotTransition'
import { cameraFramingAt } from '../presentation/cameraMotion'
import { aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import { openShotPictureOrCard, type ShotPictureSource } from './shotPictureSource'
import { drawTimecode, timecodeLabel } from './timecodeBurnIn'
import { SilentExportError, SoundtrackTrack } from './soundtrackTrack'
import type { VideoFormatId } from './videoFormatChoice'
import { findEncoding, VIDEO_QUALITY, videoFormat, type VideoFrameSpec } from './videoFormats'
import { exportRange, type ExportRangeChoice } from './exportRange'
import { shotSoundLayers, soundtrackLayer, type SoundLayer } from './rangeSoundtrack'
import { duckUnderShotSounds } from '../soundtrack/duckEnvelope'

/** Why an export could not start or finish; its message is for the user. */
export class AnimaticExportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AnimaticExportError'
  }
}

/** Whether this browser can encode video at all (WebCodecs, in a secure context: HTTPS or localhost). */
export function canExportVideo(): boolean {
  return typeof VideoEncoder === 'function' && typeof VideoFrame === 'function'
}

export interface AnimaticExportProgress {
  /** Frames encoded so far, of `totalFrames`. */
  readonly frame: number
  readonly totalFrames: number
  /** 0-based index of the shot being drawn, of `shots`. */
  readonly shotIndex: number
  readonly shots: number
}

export interface AnimaticVideo {
  readonly blob: Blob
  /** With the dot: `.mp4`, `.webm`. */
  readonly extension: string
  readonly width: number
  readonly height: number
  /** Shots whose image or clip could not be loaded: the video shows their placeholder card instead. */
  readonly unreadable: readonly PresentationShot[]
  /** Why the sound (the soundtrack, the shots' sounds), asked for, is not in the video (the browser cannot encode audio…); null when it is, or was not asked for. */
  readonly silent: string | null
}

/** A key frame at least this often (seconds), and at every cut, so a player seeks to any shot at once. */
const KEY_FRAME_SECONDS = 2

/**
 * The board's animatic as a video in `format` (MP4 with H.264, or WebM with VP9/VP8), made in the
 * browser faster than real time: each shot in Present's order for its duration (the presentation
 * model), showing what Present shows (its transitions blended as on Present's stage, whatever the
 * exporter's reduced-motion setting: the file is for whoever watches it), letterboxed into a 720p
 * frame of the board's aspect ratio, encoded with WebCodecs; with the board's soundtrack as its
 * audio when `soundtrack` is set, and the shots' own sounds mixed over it when `shotSounds` is
 * (the soundtrack ducked under them by the board's setting, duckEnvelope.ts; the mix lowered as a
 * whole rather than clip), if the browser can encode it (AAC in MP4, Opus in WebM), else silent, saying why. With `timecode`, each frame shows its shot's number and record timecode
 * (timecodeBurnIn.ts). With `cameraMoves`, each shot's camera moves play on its still image or
 * sketch as on Present's stage (cameraMotion.ts), again whatever the exporter's reduced-motion
 * setting; a clip keeps its own motion. `range` limits it to a scene or the selected shots
 * (exportRange.ts): timed and timecoded from the range's first frame, with the part of the
 * soundtrack that plays under them on the board. Stops with `signal`'s reason when it aborts.
 */
export async function exportAnimatic(
  store: TLStore,
  {
    format: formatId,
    mediaUrl,
    captions,
    timecode = false,
    soundtrack: withSoundtrack = false,
    shotSounds: withShotSounds = false,
    cameraMoves = true,
    range: choice = { kind: 'board' },
    signal,
    onProgress,
  }: {
    format: VideoFormatId
    mediaUrl(src: string): string
    captions: boolean
    /** Burn the record timecode into every frame, as the edit XML and EDL count it. */
    timecode?: boolean
    /** Put the board's soundtrack (if any) in the video. */
    soundtrack?: boolean
    /** Put the shots' own sounds (if any) in the video, each at its shot's start. */
    shotSounds?: boolean
    /** Play each shot's camera moves on its still picture. */
    cameraMoves?: boolean
    /** Which shots: the whole board unless given. */
    range?: ExportRangeChoice
    signal: AbortSignal
    onProgress?(progress: AnimaticExportProgress): void
  },
): Promise<AnimaticVideo> {
  if (!canExportVideo()) throw new AnimaticExportError('This browser cannot make video files (it has no WebCodecs, or the page is not on HTTPS).')
  const records = store.allRecords()
  const range = exportRange(presentationModel(records), choice)
  if (range.shots.length === 0) throw new AnimaticExportError(choice.kind === 'board' ? 'The board has no shots to put in a video.' : 'There are no shots to put in a video.')
  const frameSpec = animaticFrameSpec(records)
  const { width, height, fps } = frameSpec
  const format = videoFormat(formatId)
  const encoding = await findEncoding(format, frameSpec)
  if (!encoding) throw new AnimaticExportError(format.unsupported)

  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new AnimaticExportError('This browser could not draw the video frames.')
  const target = new BufferTarget()
  const container = format.container()
  const output = new Output({ format: container, target })
  const source = new CanvasSource(canvas, { ...encoding, quality: VIDEO_QUALITY, keyFrameInterval: KEY_FRAME_SECONDS })
  output.addVideoTrack(source, { frameRate: fps })
  const { spans, totalFrames } = animaticFrames(range.shots, fps)
  const settings = findBoardSettings(records)
  const soundtrack = withSoundtrack ? settings.soundtrack : null
  // The soundtrack under the shots' own sounds, each from its shot's start in the range, at its
  // Volume; ducked under them as Present plays it, but only when they are in the video too.
  const duck = duckUnderShotSounds(withShotSounds ? range.shots : [], settings.soundtrackDucking, totalFrames / fps)
  const layers: SoundLayer[] = [
    ...(soundtrack ? [soundtrackLayer(soundtrack, range.segments, duck)] : []),
    ...(withShotSounds ? shotSoundLayers(range.shots) : []),
  ]
  let audio: SoundtrackTrack | null = null
  let silent: string | null = null
  if (layers.length > 0) {
    try {
      // Cut or padded to the video's length, to the frame.
      audio = await SoundtrackTrack.add(output, layers, { format: formatId, seconds: totalFrames / fps, mediaUrl, signal })
    } catch (error) {
      if (!(error instanceof SilentExportError)) throw error
      silent = error.message
    }
  }
  const sketches = openSketchEditor(store)
  const unreadable: PresentationShot[] = []
  // The pictures still open: the shot being drawn and the one before it.
  const opened: { shot: PresentationShot; picture: ShotPictureSource | null }[] = []
  try {
    await output.start()
    for (const [shotIndex, shot] of range.shots.entries()) {
      const span = spans[shotIndex]!
      const picture = await openShotPictureOrCard(shot, { mediaUrl, sketchEditor: sketches.editor, signal }, unreadable)
      opened.push({ shot, picture })
      // The shot before stays open while this one comes in over it (its last frame, as Present holds it).
      const before = opened.at(-2)
      let blended = false
      for (let f = 0; f < span.frames; f++) {
        signal.throwIfAborted()
        const offset = f / fps
        const transition = shotTransitionAt(range.shots, shotIndex, offset)
        const frame = span.startFrame + f
        // A still is drawn once, but again each frame of a transition and once after it, to clear
        // the blend; every frame under a timecode, which counts on; and every frame of a camera move.
        if (f === 0 || picture?.moving || transition || blended || timecode || (cameraMoves && shot.moves.length > 0)) {
          const outgoing = transition?.outgoing && before ? { shot: before.shot, picture: await framePicture(before.picture, before.shot, before.shot.seconds, cameraMoves) } : null
          drawShotFrame(ctx, shot, await framePicture(picture, shot, offset, cameraMoves), captions, transition && { outgoing, blend: transition.blend })
          if (timecode) drawTimecode(ctx, timecodeLabel(shot.number, frame, fps))
        }
        blended = transition !== null
        await source.add(frame / fps, 1 / fps, f === 0 ? { keyFrame: true } : undefined)
        await audio?.feedUntil((frame + 1) / fps)
        onProgress?.({ frame: frame + 1, totalFrames, shotIndex, shots: range.shots.length })
      }
      // Only this shot is needed by the next one's transition.
      if (before) {
        before.picture?.close()
        opened.splice(opened.indexOf(before), 1)
      }
    }
    source.close()
    await audio?.finish()
    await output.finalize()
  } catch (error) {
    await output.cancel().catch(() => {})
    if (signal.aborted || error instanceof AnimaticExportError) throw error
    throw new AnimaticExportError('The video could not be encoded.', { cause: error })
  } finally {
    for (const { picture } of opened) picture?.close()
    sketches.dispose()
  }
  if (!target.buffer) throw new AnimaticExportError('The video could not be encoded.')
  return { blob: new Blob([target.buffer], { type: container.mimeType }), extension: container.fileExtension, width, height, unreadable, silent }
}

/**
 * `shot`'s picture `offset` seconds in, as drawShotFrame takes it (null: its placeholder card),
 * framed by its camera moves when they play (`cameraMoves`) and it is a still: a clip has its own.
 */
async function framePicture(picture: ShotPictureSource | null, shot: PresentationShot, offset: number, cameraMoves: boolean): Promise<FramePicture> {
  if (!picture) return null
  const framing = cameraMoves && !picture.moving ? cameraFramingAt(shot, offset, aspectRatioValue(shot.aspect)) : null
  return { kind: picture.kind, frame: await picture.frame(offset), framing }
}

/** The exported video's frame for the board of `records`: 720p in its aspect ratio, at its frame rate. */
export function animaticFrameSpec(records: Iterable<{ typeName: string; id: string }>): VideoFrameSpec {
  const { fps, defaultAspect } = findBoardSettings(records)
  return { ...videoFrameSize(defaultAspect), fps }
}
