import { NO_EDIT_AUDIO, type EditAudio, type EditAudioClip } from './editAudio'
import { editTimecode, recordTimecode } from './editRate'
import { truncated, oneLineText } from './editText'
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

/** A CMX3600 title line holds this many characters of the name after `TITLE: `. */
const MAX_TITLE = 70
/** Comment lines are kept short: some readers cut a line at 80 characters. */
const MAX_COMMENT = 72

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
 * (edlReelNames) named in full on `* FROM CLIP NAME:`.
 */
export function cmx3600Edl(timeline: EditTimeline, audio: EditAudio = NO_EDIT_AUDIO): string {
  const { rate } = timeline
  const tc = (frame: number) => editTimecode(frame, rate)
  const record = (frame: number) => recordTimecode(frame, rate)
  const lines = [`TITLE: ${truncated(oneLineText(timeline.title), MAX_TITLE)}`, 'FCM: NON-DROP FRAME', '']
  timeline.clips.forEach((clip, i) => {
    const event = i + 1
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
    lines.push(`* COMMENT: ${truncated(clip.name, MAX_COMMENT)}`)
    const action = oneLineText(clip.action)
    if (action) lines.push(`* COMMENT: ${truncated(action, MAX_COMMENT)}`)
    lines.push('')
  })
  const reels = new Map(edlReelNames(audio.files.map((file) => file.fileName)).map((reel, i) => [audio.files[i]!, reel]))
  let event = timeline.clips.length
  const audioEvents = (clips: readonly EditAudioClip[], track: EdlTrack) => {
    for (const clip of clips) {
      const timecodes = [tc(clip.inFrame), tc(clip.inFrame + clip.frames), record(clip.startFrame), record(clip.startFrame + clip.frames)] as const
      lines.push(edlEventLine(++event, reels.get(clip.file)!, 'C', timecodes, track))
      lines.push(`* FROM CLIP NAME: ${clip.file.fileName}`, `* COMMENT: ${truncated(oneLineText(clip.name), MAX_COMMENT)}`, '')
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
