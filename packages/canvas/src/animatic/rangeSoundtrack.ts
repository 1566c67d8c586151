import { soundtrackTimeAt, type SoundtrackTiming } from '../soundtrack/soundtrackSync'
import { shotSoundCue, type SoundingShot } from '../presentation/shotSoundCue'
import type { GainPoint } from '../soundtrack/duckEnvelope'
import type { RangeSegment } from './exportRange'

/** A stretch of the soundtrack file put into the exported audio. */
export interface SoundtrackPart {
  /** Where it plays in the export (seconds from its start). */
  readonly at: number
  /** Where it starts in the file. */
  readonly from: number
  readonly seconds: number
}

/**
 * What of the soundtrack an export of `segments` (exportRange) plays: each segment hears what
 * plays under it on the whole board's timeline (the file from Starts at + the segment's start on
 * the board, as Present plays it), so the sound stays in sync with its shots. A segment that starts
 * after the file has run out has no part.
 */
export function soundtrackParts(soundtrack: SoundtrackTiming, segments: readonly RangeSegment[]): SoundtrackPart[] {
  return segments.flatMap((segment) => {
    const from = soundtrackTimeAt(soundtrack, segment.boardStartSeconds)
    return from === null ? [] : [{ at: segment.startSeconds, from, seconds: segment.seconds }]
  })
}

/** A stretch of a file in the exported audio, at the level it is mixed in. */
export interface MixedPart extends SoundtrackPart {
  /** 0 (silent) to 1 (as recorded): a shot's Volume; the soundtrack's is 1. */
  readonly gain: number
}

/** One audio file of the board as the exported audio mixes it in: where each part of it plays, how loud. */
export interface SoundLayer {
  /** The file's board asset URL. */
  readonly src: string
  /** What it is, for the user when it cannot be loaded: "The soundtrack", "The sound of shot 3". */
  readonly what: string
  readonly parts: readonly MixedPart[]
  /** The whole layer's level over the export's timeline, on top of its parts' (the soundtrack ducked under the shots' sounds); none: as its parts are. */
  readonly envelope?: readonly GainPoint[]
}

/**
 * The board's soundtrack in an export of `segments` ({@link soundtrackParts}), under the shots'
 * sounds: along `envelope` (duckUnderShotSounds, on the export's timeline), else at full level.
 */
export function soundtrackLayer(
  soundtrack: SoundtrackTiming & { readonly src: string },
  segments: readonly RangeSegment[],
  envelope: readonly GainPoint[] = [{ time: 0, gain: 1 }],
): SoundLayer {
  return { src: soundtrack.src, what: 'The soundtrack', parts: soundtrackParts(soundtrack, segments).map((part) => ({ ...part, gain: 1 })), envelope }
}

/**
 * The shots' own sounds in an export (`shots`: the range's, timed from its first frame): each
 * from its file's start at its shot's first frame, cut at the shot's end, at its shot's Volume
 * (shotSoundCue), over the soundtrack. Shots that share a file share a layer, so the file is
 * loaded once; each part keeps its own shot's level.
 */
export function shotSoundLayers(shots: readonly (SoundingShot & { readonly number: string })[]): SoundLayer[] {
  const layers = new Map<string, { src: string; what: string; parts: MixedPart[] }>()
  for (const shot of shots) {
    const cue = shotSoundCue(shot)
    if (!cue) continue
    const layer = layers.get(cue.src) ?? { src: cue.src, what: `The sound of shot ${shot.number}`, parts: [] }
    layer.parts.push({ at: cue.startSeconds, from: 0, seconds: cue.seconds, gain: cue.volume })
    layers.set(cue.src, layer)
  }
  return [...layers.values()]
}
