import { duckedGain, type SoundtrackDucking } from '@storyloom/shared/storyboard/soundtrackDucking'
import { shotSoundCue, type SoundingShot } from '../presentation/shotSoundCue'

/** The soundtrack's level at a time on the animatic's timeline (0 to 1); the level between two points is on the straight line joining them. */
export interface GainPoint {
  readonly time: number
  readonly gain: number
}

/** Where a shot's sound is heard on the timeline (a ShotSoundCue). */
export interface SoundStretch {
  readonly startSeconds: number
  readonly seconds: number
}

/**
 * How long the soundtrack takes to go down or come back up (seconds): short enough that a line is
 * heard from its first word, long enough not to click.
 */
export const DUCK_RAMP_SECONDS = 0.15

/**
 * The soundtrack's level over a timeline of `totalSeconds` when it is ducked by `db` under the
 * shots' sounds (`stretches`): at the ducked level for the whole of each stretch, going down in the
 * ramp before it starts (so a line's first word is heard over the lowered music) and coming back up
 * in the ramp after it ends. Stretches that overlap, follow each other, or leave too short a gap
 * for the level to come back up make one dip. Nothing is placed outside the timeline: a sound from
 * the first frame is ducked from 0, one running to the end stays ducked to it, and a ramp that would
 * cross either end is shortened. Off (0 dB) or no stretch: one point at full level.
 */
export function duckEnvelope(stretches: readonly SoundStretch[], db: SoundtrackDucking, totalSeconds: number): GainPoint[] {
  const full: GainPoint[] = [{ time: 0, gain: 1 }]
  if (db === 0) return full
  const ducked = duckedGain(db)
  const dips = mergedDips(stretches, totalSeconds)
  const points: GainPoint[] = []
  const add = (time: number, gain: number) => {
    const last = points.at(-1)
    if (last && last.time === time) {
      // The same instant twice (a ramp shortened to nothing at 0): the later level wins.
      points[points.length - 1] = { time, gain }
    } else points.push({ time, gain })
  }
  if (dips[0]?.start !== 0) add(0, 1)
  for (const { start, end } of dips) {
    add(Math.max(0, start - DUCK_RAMP_SECONDS), 1)
    add(start, ducked)
    add(end, ducked)
    if (end < totalSeconds) add(Math.min(totalSeconds, end + DUCK_RAMP_SECONDS), 1)
  }
  return points.length > 0 ? points : full
}

/**
 * The soundtrack's level under `shots`' own sounds ({@link duckEnvelope}), each heard from its
 * shot's first frame until it ends or the cut (shotSoundCue); a sound at Volume 0 is not heard, so
 * nothing is lowered for it. Present and Export video both play the soundtrack along it.
 */
export function duckUnderShotSounds(shots: readonly SoundingShot[], db: SoundtrackDucking, totalSeconds: number): GainPoint[] {
  const heard = shots.flatMap((shot) => {
    const cue = shotSoundCue(shot)
    return cue && cue.volume > 0 ? [cue] : []
  })
  return duckEnvelope(heard, db, totalSeconds)
}

/** The stretches cut to the timeline, in order, merged where the level could not come back up between them. */
function mergedDips(stretches: readonly SoundStretch[], totalSeconds: number): { start: number; end: number }[] {
  const cut = stretches
    .map((stretch) => ({ start: Math.max(0, stretch.startSeconds), end: Math.min(totalSeconds, stretch.startSeconds + stretch.seconds) }))
    .filter((dip) => dip.end > dip.start)
    .sort((a, b) => a.start - b.start)
  const dips: { start: number; end: number }[] = []
  for (const dip of cut) {
    const last = dips.at(-1)
    if (last && dip.start - last.end <= 2 * DUCK_RAMP_SECONDS) last.end = Math.max(last.end, dip.end)
    else dips.push({ ...dip })
  }
  return dips
}

/** The level `envelope` gives at `time`: on the line between the points around it, the first or last level outside them. */
export function gainAt(envelope: readonly GainPoint[], time: number): number {
  const first = envelope[0]
  if (!first || time <= first.time) return first?.gain ?? 1
  for (let i = 1; i < envelope.length; i++) {
    const after = envelope[i]!
    if (time > after.time) continue
    const before = envelope[i - 1]!
    const span = after.time - before.time
    return span > 0 ? before.gain + ((after.gain - before.gain) * (time - before.time)) / span : after.gain
  }
  return envelope.at(-1)!.gain
}

/** Automates `param` (a GainNode's gain) along `envelope`: its first level at its time, then a linear ramp to each next point. */
export function scheduleEnvelope(param: AudioParam, envelope: readonly GainPoint[]): void {
  const [first, ...rest] = envelope
  if (!first) return
  param.setValueAtTime(first.gain, first.time)
  for (const point of rest) param.linearRampToValueAtTime(point.gain, point.time)
}
