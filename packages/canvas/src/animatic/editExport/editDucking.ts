import type { SoundtrackDucking } from '@storyloom/shared/storyboard/soundtrackDucking'
import { duckUnderShotSounds, gainAt, type GainPoint } from '../../soundtrack/duckEnvelope'
import type { EditAudio, EditAudioClip, LevelKeyframe } from './editAudio'
import type { EditShot, EditTimeline } from './editTimeline'

/**
 * `audio` with its soundtrack ducked under the shots' own sounds as Present and Export video duck
 * it (duckUnderShotSounds: the board's `ducking`, the same glides, sounds close together making one
 * dip), as level keyframes on each soundtrack clip. The envelope is the edit's own (`shots` timed
 * from its first frame), so a scene or a selection is ducked under its own shots only. A shot sound
 * left out of the edit (its file could not be fetched) lowers nothing; a clip no dip reaches, or
 * Off, gets no keyframes.
 */
export function duckedSoundtrack(audio: EditAudio, timeline: EditTimeline, shots: readonly EditShot[], ducking: SoundtrackDucking): EditAudio {
  const inEdit = new Set(audio.shotSounds.map((clip) => clip.file.src))
  const sounding = shots.map(({ sound, soundVolume, startSeconds, seconds }) => ({
    sound: sound && inEdit.has(sound.src) ? sound : null,
    soundVolume: soundVolume ?? 1,
    startSeconds,
    seconds,
  }))
  const { fps } = timeline.rate
  const envelope = duckUnderShotSounds(sounding, ducking, timeline.totalFrames / fps)
  return {
    ...audio,
    soundtrack: audio.soundtrack.map((clip) => {
      const levels = clipLevels(clip, envelope, fps)
      return levels.every((key) => key.gain === 1) ? clip : { ...clip, levels }
    }),
  }
}

/**
 * `envelope` (seconds on the edit's timeline) over `clip`: its level at the clip's first and last
 * frame, and each of the envelope's points between them on its nearest frame (an editor's keyframes
 * sit on frames), counted from the clip's first frame.
 */
function clipLevels(clip: EditAudioClip, envelope: readonly GainPoint[], fps: number): LevelKeyframe[] {
  const end = clip.startFrame + clip.frames
  const keys: LevelKeyframe[] = []
  const add = (frame: number, gain: number) => {
    // Two points on one frame (a glide shorter than a frame): the later level wins, as in the envelope.
    if (keys.at(-1)?.frame === frame) keys.pop()
    keys.push({ frame, gain })
  }
  add(0, gainAt(envelope, clip.startFrame / fps))
  for (const point of envelope) {
    const frame = Math.round(point.time * fps)
    if (frame > clip.startFrame && frame < end) add(frame - clip.startFrame, point.gain)
  }
  add(clip.frames, gainAt(envelope, end / fps))
  return keys
}
