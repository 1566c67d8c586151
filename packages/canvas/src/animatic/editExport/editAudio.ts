import type { AudioMimeType } from '@storyloom/shared/api/assets'
import type { BoardAudioFile, BoardSoundtrack } from '@storyloom/shared/storyboard/soundtrack'
import { soundtrackParts } from '../rangeSoundtrack'
import type { RangeSegment } from '../exportRange'
import type { EditRate } from './editRate'
import type { EditShot, EditTimeline } from './editTimeline'
import { editPosition, safeFileNamePart, uniqueFileName } from './stillFileNames'

/** Where the sound files sit beside the XML file in the ZIP. */
export const AUDIO_FOLDER = 'audio'

/** The extension an editing application knows each uploaded audio type by. */
const AUDIO_EXTENSIONS: Record<AudioMimeType, string> = { 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'audio/mp4': 'm4a', 'audio/ogg': 'ogg', 'audio/flac': 'flac' }

/** A sound file of the board put in the edit's `audio/` folder. */
export interface EditAudioFile {
  /** The file's board asset URL. */
  readonly src: string
  /** Its file name in `audio/`: `soundtrack-Temp_score.wav`, `010_1.2_door_slam.mp3`. */
  readonly fileName: string
  /** What it is, for the user when it cannot be fetched: "The soundtrack", "The sound of shot 1.2". */
  readonly what: string
  /** Its length in whole frames at the edit's rate (as its uploader's browser read it). */
  readonly frames: number
}

/** A stretch of a sound file on an audio track of the edit (frames at the edit's rate, from 0). */
export interface EditAudioClip {
  readonly name: string
  readonly file: EditAudioFile
  readonly startFrame: number
  readonly frames: number
  /** Where in the file it starts. */
  readonly inFrame: number
  /** Its level as a linear gain below full (a shot's sound Volume); absent at full level. */
  readonly level?: number
  /** Its level changing over the clip (the soundtrack ducked under the shots' sounds, editDucking.ts); absent at full level throughout. */
  readonly levels?: readonly LevelKeyframe[]
}

/** A clip's level at one of its frames: `frame` counted from the clip's first frame, `gain` linear (1 is full level). */
export interface LevelKeyframe {
  readonly frame: number
  readonly gain: number
}

/** The edit's sound: its files, the soundtrack's track (A1) and the shots' sounds' track (A2). */
export interface EditAudio {
  readonly files: readonly EditAudioFile[]
  readonly soundtrack: readonly EditAudioClip[]
  readonly shotSounds: readonly EditAudioClip[]
}

/** An edit without sound. */
export const NO_EDIT_AUDIO: EditAudio = { files: [], soundtrack: [], shotSounds: [] }

/**
 * The sound of `timeline` (the edit of `shots`), as Export video mixes it (rangeSoundtrack.ts):
 * the soundtrack under each of the range's `segments` from where the board plays it there, until
 * the segment or the file ends; and each shot's own sound from its shot's first frame, until the
 * sound or the shot ends, at the shot's sound Volume. Each file is in the edit once, even when
 * shots share it; a stretch the file does not reach is left out.
 */
export function editAudio(timeline: EditTimeline, shots: readonly EditShot[], soundtrack: BoardSoundtrack | null, segments: readonly RangeSegment[]): EditAudio {
  const { rate, clips } = timeline
  const at = (seconds: number) => Math.round(seconds * rate.fps)
  const taken = new Set<string>()
  const files: EditAudioFile[] = []
  const addFile = (sound: BoardAudioFile, base: string, what: string): EditAudioFile => {
    const file = { src: sound.src, fileName: uniqueFileName(base, AUDIO_EXTENSIONS[sound.mimeType], taken), what, frames: fileFrames(sound, rate) }
    files.push(file)
    return file
  }

  const soundtrackClips: EditAudioClip[] = []
  if (soundtrack) {
    let file: EditAudioFile | null = null
    for (const part of soundtrackParts(soundtrack, segments)) {
      file ??= addFile(soundtrack, ['soundtrack', soundName(soundtrack)].filter(Boolean).join('-'), 'The soundtrack')
      const startFrame = at(part.at)
      const inFrame = at(part.from)
      const frames = Math.min(Math.min(at(part.at + part.seconds), timeline.totalFrames) - startFrame, file.frames - inFrame)
      if (frames > 0) soundtrackClips.push({ name: soundtrack.name || 'Soundtrack', file, startFrame, frames, inFrame })
    }
  }

  const bySrc = new Map<string, EditAudioFile>()
  const shotSounds: EditAudioClip[] = []
  shots.forEach((shot, i) => {
    const clip = clips[i]!
    if (!shot.sound) return
    const base = [editPosition(i, shots.length), safeFileNamePart(shot.number, 12), soundName(shot.sound) || 'sound'].filter(Boolean).join('_')
    const file = bySrc.get(shot.sound.src) ?? addFile(shot.sound, base, `The sound of shot ${shot.number}`)
    bySrc.set(file.src, file)
    const frames = Math.min(clip.frames, file.frames)
    const level = shot.soundVolume ?? 1
    if (frames > 0) shotSounds.push({ name: clip.name, file, startFrame: clip.startFrame, frames, inFrame: 0, ...(level < 1 && { level: Math.max(0, level) }) })
  })
  return { files: files.filter((file) => [...soundtrackClips, ...shotSounds].some((clip) => clip.file === file)), soundtrack: soundtrackClips, shotSounds }
}

/** `audio` without the files of `srcs` (which could not be fetched) and their clips. */
export function withoutFiles(audio: EditAudio, srcs: readonly string[]): EditAudio {
  const kept = (file: EditAudioFile) => !srcs.includes(file.src)
  return { files: audio.files.filter(kept), soundtrack: audio.soundtrack.filter((clip) => kept(clip.file)), shotSounds: audio.shotSounds.filter((clip) => kept(clip.file)) }
}

/** The uploaded file's name without its extension (the file gets the one of its type), safe for a file name; may be empty. */
function soundName(sound: BoardAudioFile): string {
  return safeFileNamePart(sound.name.replace(/\.[A-Za-z0-9]{1,5}$/, ''))
}

/** A file's length in whole frames: every frame it has sound in (a float's last bit never adds one). */
function fileFrames(sound: BoardAudioFile, rate: EditRate): number {
  return Math.ceil(sound.duration * rate.fps - 1e-6)
}
