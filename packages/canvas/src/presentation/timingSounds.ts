import { MAX_SHOT_DURATION_SECONDS } from '@storyloom/shared/storyboard/limits'
import type { SoundtrackDucking } from '@storyloom/shared/storyboard/soundtrackDucking'
import { DUCK_RAMP_SECONDS, duckEnvelope, duckUnderShotSounds, type GainPoint, type SoundStretch } from '../soundtrack/duckEnvelope'
import { shotSoundCue, type ShotSoundCue, type SoundingShot } from './shotSoundCue'

/**
 * The sounds of "Time to sound" (tapTiming.ts) as they play: the shot on screen is held until the
 * tap, not cut at its stored duration, so its sound and the soundtrack's dip under it follow what
 * is heard rather than the board's old timing. The shots before it carry their tapped durations
 * (written to the board at each tap); those after it start at taps not yet made.
 */

/** The shot a recording holds on screen, and whether a tap brought it on (else the recording started in it). */
export interface HeldShot {
  readonly shotId: string
  readonly tapped: boolean
}

/** The held shot as it plays: from its start until the tap, which has not come yet (at most as long as a shot may last). */
function heldAsPlaying<S extends SoundingShot>(shot: S): S {
  return { ...shot, seconds: MAX_SHOT_DURATION_SECONDS }
}

/** The held shot's own sound: from its first frame until the file ends, or the tap cuts it (not its old duration). */
export function heldShotSound(shot: SoundingShot | undefined): ShotSoundCue | null {
  return shotSoundCue(shot && heldAsPlaying(shot))
}

/** Where a cue is heard, or null when it is not (a shot at Volume 0 lowers nothing). */
function heardStretch(cue: ShotSoundCue | null): SoundStretch | null {
  return cue && cue.volume > 0 ? cue : null
}

/**
 * The soundtrack's level while a recording holds `held` on screen (duckEnvelope): down under the
 * sounds of the shots before it as the board now times them, and under the held shot's own sound
 * from its start for as long as it plays; nothing for the shots after it, whose starts are taps
 * not yet made. A shot a tap brought on started at that tap, which could not be foreseen: its dip
 * glides down in the ramp after the tap rather than before, so the level never jumps. A held shot
 * no longer on the board (deleted meanwhile): the board's timing, as when played.
 */
export function duckWhileTiming(shots: readonly (SoundingShot & { readonly id: string })[], held: HeldShot, db: SoundtrackDucking): GainPoint[] {
  const index = shots.findIndex((shot) => shot.id === held.shotId)
  const heldShot = shots[index]
  if (!heldShot) {
    const last = shots.at(-1)
    return duckUnderShotSounds(shots, db, last ? last.startSeconds + last.seconds : 0)
  }
  const before = shots.slice(0, index).flatMap((shot) => heardStretch(shotSoundCue(shot)) ?? [])
  const sounding = heardStretch(heldShotSound(heldShot))
  const own = sounding && held.tapped ? { startSeconds: sounding.startSeconds + DUCK_RAMP_SECONDS, seconds: sounding.seconds - DUCK_RAMP_SECONDS } : sounding
  return duckEnvelope([...before, ...(own ? [own] : [])], db, heldShot.startSeconds + MAX_SHOT_DURATION_SECONDS)
}
