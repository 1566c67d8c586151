import { NO_EDIT_AUDIO, type EditAudio, type EditAudioClip } from './editAudio'
import { asciiTruncated } from './asciiText'
import { editTimecode, recordTimecode } from './editRate'
import type { EditTimeline } from './editTimeline'

/**
 * The reel of every event: AX, the auxiliary source, as editing applications write a clip that
 * comes from a file rather than a tape; its file is named on the `* FROM CLIP NAME:` line after it,
 * which Premiere Pro and DaVinci Resolve relink by.
 */
export const EDL_REEL = 'AX'

/** A reel name: at most 8 of A–Z, 0–9 and _, which every EDL reader takes. */
const MAX_REEL = 8

/**
 * A CMX3600 event's track: V the picture, A audio channel 1, A2 channel 2, AA both, B picture
 * and channel 1.
 */
export type EdlTrack = 'V' | 'A' | 'A2' | 'AA' | 'B'

/** A CMX3600 event number has three digits: an EDL holds at most 999 events (cmx3600Edls splits a longer edit). */
export const MAX_EDL_EVENTS = 999

/** A CMX3600 title line holds this many characters of the name after `TITLE: `. */
const MAX_TITLE = 70
/** Comment lines are kept short: some readers cut a line at 80 characters. */
const MAX_COMMENT = 72
/** The title of an edit whose name has nothing ASCII can spell (none, or all Japanese): some readers refuse an empty one. */
const UNNAMED_TITLE = 'Storyboard'

/**
 * One CMX3600 event line: event number (3 digits), reel (8 columns), track (4 columns and 2
 * blank), transition (C, or D with its length in frames), then source in/out and record in/out timecodes.
 */
export function edlEventLine(
  event: number,
  reel: string,
  transition: 'C' | { dissolveFrames: number },
  timecodes: readonly [string, string, string, string],
  track: EdlTrack = 'V',
): string {
  if (!(Number.isInteger(event) && event >= 1 && event <= MAX_EDL_EVENTS)) throw new RangeError(`Not a CMX3600 event number: ${event}`)
  if (reel.length > MAX_REEL || !/^[A-Za-z0-9_]+$/.test(reel)) throw new RangeError(`Not a CMX3600 reel name: ${reel}`)
  // Three digits: a longer one would shift every column after it (the board's 30 s limit stays within them).
  if (transition !== 'C' && !(Number.isInteger(transition.dissolveFrames) && transition.dissolveFrames >= 0 && transition.dissolveFrames <= 999)) {
    throw new RangeError(`Not a CMX3600 dissolve length: ${transition.dissolveFrames}`)
  }
  const kind = transition === 'C' ? 'C   ' : 'D   '
  const length = transition === 'C' ? '   ' : String(transition.dissolveFrames).padStart(3, '0')
  return `${String(event).padStart(3, '0')}  ${reel.padEnd(MAX_REEL)} ${track.padEnd(6)}${kind} ${length} ${timecodes.join(' ')}`
}

/**
 * The edit as a CMX3600 EDL (non-drop-frame, record side from 01:00:00:00), which every editing
 * application reads: one event per still (reel AX, its file named on `* FROM CLIP NAME:`, its
 * action as a comment). A dissolve, wipe or fade is a dissolve (D) starting at the cut, written
 * as CMX3600 writes one: the outgoing still held for no time, then the incoming one dissolving in.
 * (An EDL has no dip to black; the comment says where the board has a fade.) After the picture,
 * `audio`'s stretches as editAudio.ts places them for the XML, each a cut: the soundtrack's as A
 * events (audio track 1), the shots' sounds' as A2 events (track 2), each file a reel of its own
 * (edlReelNames) named in full on `* FROM CLIP NAME:`. Past 999 events it throws: see {@link cmx3600Edls}.
 * Every line is ASCII, as EDL readers expect: the title and comments transliterated (asciiText.ts),
 * and the files' names already are (stillFileNames.ts), so the clip names match the files.
 */
export function cmx3600Edl(timeline: EditTimeline, audio: EditAudio = NO_EDIT_AUDIO): string {
  return edlText(timeline, audio, { first: 0, end: timeline.clips.length, from: 0, to: timeline.totalFrames }, '')
}

/**
 * The edit as CMX3600 EDLs ({@link cmx3600Edl}) of at most `maxEvents` events each, since an event
 * number has three digits and a reader that takes more is not to be counted on: one EDL while it
 * fits, else parts ("… part 2 of 3") that each hold an unbroken stretch of the sequence, divided at
 * a cut, with the sound under that stretch (a sound running across the cut is cut there too), each
 * numbered from 001 at the record timecodes the stretch has in the whole, so the parts laid onto one
 * record timeline make the whole edit. A dissolve into a part's first shot keeps its outgoing still.
 */
export function cmx3600Edls(timeline: EditTimeline, audio: EditAudio = NO_EDIT_AUDIO, maxEvents = MAX_EDL_EVENTS): string[] {
  const parts = edlParts(timeline, audio, maxEvents)
  return parts.map((part, k) => edlText(timeline, audio, part, parts.length === 1 ? '' : ` part ${k + 1} of ${parts.length}`))
}

/** `<base>.edl`, or for an edit in several EDLs `<base>-part1.edl`, … (`part01`… when there are ten or more, so they sort). */
export function edlFileName(base: string, index: number, count: number): string {
  return count === 1 ? `${base}.edl` : `${base}-part${String(index + 1).padStart(String(count).length, '0')}.edl`
}

/** A part of the edit in one EDL: its clips `first` to before `end`, over record frames `from` to before `to`. */
interface EdlPart {
  readonly first: number
  readonly end: number
  readonly from: number
  readonly to: number
}

/** The edit divided at cuts into parts of at most `maxEvents` events (its shots and the sound stretches under them), each as long as fits. */
function edlParts(timeline: EditTimeline, audio: EditAudio, maxEvents: number): EdlPart[] {
  const { clips, totalFrames } = timeline
  const sounds = [...audio.soundtrack, ...audio.shotSounds]
  const frameAt = (clip: number) => clips[clip]?.startFrame ?? totalFrames
  const events = (first: number, end: number) => end - first + sounds.filter((sound) => soundWithin(sound, frameAt(first), frameAt(end))).length
  if (clips.length === 0 || events(0, clips.length) <= maxEvents) return [{ first: 0, end: clips.length, from: 0, to: totalFrames }]
  const parts: EdlPart[] = []
  for (let first = 0; first < clips.length; ) {
    let end = first + 1
    while (end < clips.length && events(first, end + 1) <= maxEvents) end++
    if (events(first, end) > maxEvents) throw new RangeError(`One shot has more than ${maxEvents} events`)
    parts.push({ first, end, from: frameAt(first), to: frameAt(end) })
    first = end
  }
  return parts
}

/** The part of `sound` between record frames `from` and `to` (its source moved on with it), or null when it has none there. */
function soundWithin(sound: EditAudioClip, from: number, to: number): EditAudioClip | null {
  const start = Math.max(sound.startFrame, from)
  const end = Math.min(sound.startFrame + sound.frames, to)
  return end > start ? { ...sound, startFrame: start, frames: end - start, inFrame: sound.inFrame + start - sound.startFrame } : null
}

/** One EDL: `part` of the edit, `titleSuffix` after its title. */
function edlText(timeline: EditTimeline, audio: EditAudio, part: EdlPart, titleSuffix: string): string {
  const { rate } = timeline
  const tc = (frame: number) => editTimecode(frame, rate)
  const record = (frame: number) => recordTimecode(frame, rate)
  const title = asciiTruncated(timeline.title, MAX_TITLE - titleSuffix.length) || UNNAMED_TITLE
  const lines = [`TITLE: ${title}${titleSuffix}`, 'FCM: NON-DROP FRAME', '']
  const comment = (text: string) => {
    const ascii = asciiTruncated(text, MAX_COMMENT)
    if (ascii) lines.push(`* COMMENT: ${ascii}`)
  }
  let event = 0
  for (let i = part.first; i < part.end; i++) {
    const clip = timeline.clips[i]!
    event++
    const recIn = record(clip.startFrame)
    const recOut = record(clip.startFrame + clip.frames)
    const previous = timeline.clips[i - 1]
    if (clip.transitionIn && previous) {
      const held = tc(previous.frames)
      lines.push(edlEventLine(event, EDL_REEL, 'C', [held, held, recIn, recIn]))
      lines.push(edlEventLine(event, EDL_REEL, { dissolveFrames: clip.transitionIn.frames }, [tc(0), tc(clip.frames), recIn, recOut]))
      lines.push(`* FROM CLIP NAME: ${previous.fileName}`, `* TO CLIP NAME: ${clip.fileName}`)
      if (clip.transitionIn.kind === 'dip-to-black') lines.push('* COMMENT: FADE THROUGH BLACK')
    } else {
      lines.push(edlEventLine(event, EDL_REEL, 'C', [tc(0), tc(clip.frames), recIn, recOut]))
      lines.push(`* FROM CLIP NAME: ${clip.fileName}`)
    }
    comment(clip.name)
    comment(clip.action)
    lines.push('')
  }
  const reels = new Map(edlReelNames(audio.files.map((file) => file.fileName)).map((reel, i) => [audio.files[i]!, reel]))
  const audioEvents = (clips: readonly EditAudioClip[], track: EdlTrack) => {
    for (const whole of clips) {
      const clip = soundWithin(whole, part.from, part.to)
      if (!clip) continue
      const timecodes = [tc(clip.inFrame), tc(clip.inFrame + clip.frames), record(clip.startFrame), record(clip.startFrame + clip.frames)] as const
      lines.push(edlEventLine(++event, reels.get(clip.file)!, 'C', timecodes, track))
      lines.push(`* FROM CLIP NAME: ${clip.file.fileName}`)
      comment(clip.name)
      lines.push('')
    }
  }
  audioEvents(audio.soundtrack, 'A')
  audioEvents(audio.shotSounds, 'A2')
  // CRLF, as EDLs have been since the CMX machines; every reader takes it.
  return lines.join('\r\n')
}

/**
 * A reel name for each of `fileNames` (sound files in the edit), in order: the name without its
 * extension in capitals, every run of other characters than A–Z and 0–9 an underscore, cut to 8
 * (`010_1.2_door_slam.mp3` is 010_1_2), or AUDIO when nothing is left; `_2`, `_3`… at its end when
 * another file or the stills (AX) has it, since a reader takes one reel for one source.
 */
export function edlReelNames(fileNames: readonly string[]): string[] {
  const taken = new Set([EDL_REEL])
  return fileNames.map((fileName) => {
    const stem = fileName
      .replace(/\.[^.]*$/, '')
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
    const base = reelPart(stem, MAX_REEL) || 'AUDIO'
    let reel = base
    for (let n = 2; taken.has(reel); n++) reel = `${reelPart(base, MAX_REEL - String(n).length - 1)}_${n}`
    taken.add(reel)
    return reel
  })
}

/** `name` cut to `max` characters, without underscores at either end. */
function reelPart(name: string, max: number): string {
  return name.replace(/^_+/, '').slice(0, max).replace(/_+$/, '')
}
