import { framesToTimecode } from '@storyloom/shared/storyboard/runtime'

/**
 * An edit's frame rate as Final Cut Pro 7 XML writes it: a whole `timebase` and whether the real
 * rate is the NTSC one 1000/1001 slower (23.976 is timebase 24 with `ntsc`, 29.97 is 30). Timecodes
 * count frames at the timebase, non-drop-frame, as every editing application reads an NDF edit.
 */
export interface EditRate {
  readonly timebase: number
  readonly ntsc: boolean
  /** The real frames per second (23.976…, 24, 25, 29.97…, 30). */
  readonly fps: number
}

/** The edit rate of `fps` (24, 25, 30, or an NTSC rate such as 23.976 or 29.97). */
export function editRate(fps: number): EditRate {
  if (!(fps > 0) || !Number.isFinite(fps)) throw new RangeError(`Expected a frame rate, got ${fps}`)
  if (Number.isInteger(fps)) return { timebase: fps, ntsc: false, fps }
  const timebase = Math.round(fps)
  if (Math.abs(fps - (timebase * 1000) / 1001) > 0.01) throw new RangeError(`Not a whole or NTSC frame rate: ${fps}`)
  return { timebase, ntsc: true, fps: (timebase * 1000) / 1001 }
}

/** Where an edit's record side starts: one hour, as broadcast edits do (room for bars and slates before it). */
export const RECORD_START_HOURS = 1

/** `HH:MM:SS:FF` of `frames`, non-drop-frame at `rate`'s timebase. */
export function editTimecode(frames: number, rate: EditRate): string {
  return framesToTimecode(frames, rate.timebase)
}

/** The record-side frame of `frame` frames into the edit (it starts at 01:00:00:00). */
export function recordFrame(frame: number, rate: EditRate): number {
  return RECORD_START_HOURS * 3600 * rate.timebase + frame
}

/** The record timecode of `frame` frames into the edit: 01:00:00:00 for its first frame, as the edit XML, the EDL and the burnt-in video read it. */
export function recordTimecode(frame: number, rate: EditRate): string {
  return editTimecode(recordFrame(frame, rate), rate)
}
