import { editTimecode, recordTimecode } from './editRate'
import { truncated, oneLineText } from './editText'
import type { EditTimeline } from './editTimeline'

/**
 * The reel of every event: AX, the auxiliary source, as editing applications write a clip that
 * comes from a file rather than a tape; its file is named on the `* FROM CLIP NAME:` line after it,
 * which Premiere Pro and DaVinci Resolve relink by.
 */
export const EDL_REEL = 'AX'

/** A CMX3600 title line holds this many characters of the name after `TITLE: `. */
const MAX_TITLE = 70
/** Comment lines are kept short: some readers cut a line at 80 characters. */
const MAX_COMMENT = 72

/**
 * One CMX3600 event line: event number (3 digits), reel (8 columns), track, transition (C, or D
 * with its length in frames), then source in/out and record in/out timecodes.
 */
export function edlEventLine(event: number, reel: string, transition: 'C' | { dissolveFrames: number }, timecodes: readonly [string, string, string, string]): string {
  if (reel.length > 8 || !/^[A-Za-z0-9_]+$/.test(reel)) throw new RangeError(`Not a CMX3600 reel name: ${reel}`)
  // Three digits: a longer one would shift every column after it (the board's 30 s limit stays within them).
  if (transition !== 'C' && !(Number.isInteger(transition.dissolveFrames) && transition.dissolveFrames >= 0 && transition.dissolveFrames <= 999)) {
    throw new RangeError(`Not a CMX3600 dissolve length: ${transition.dissolveFrames}`)
  }
  const kind = transition === 'C' ? 'C   ' : 'D   '
  const length = transition === 'C' ? '   ' : String(transition.dissolveFrames).padStart(3, '0')
  return `${String(event).padStart(3, '0')}  ${reel.padEnd(8)} V     ${kind} ${length} ${timecodes.join(' ')}`
}

/**
 * The edit as a CMX3600 EDL (non-drop-frame, record side from 01:00:00:00), which every editing
 * application reads: one event per still (reel AX, its file named on `* FROM CLIP NAME:`, its
 * action as a comment). A dissolve, wipe or fade is a dissolve (D) starting at the cut, written
 * as CMX3600 writes one: the outgoing still held for no time, then the incoming one dissolving in.
 * (An EDL has no dip to black; the comment says where the board has a fade.)
 */
export function cmx3600Edl(timeline: EditTimeline): string {
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
  // CRLF, as EDLs have been since the CMX machines; every reader takes it.
  return lines.join('\r\n')
}
