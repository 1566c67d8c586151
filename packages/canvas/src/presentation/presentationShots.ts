import { findBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { boardSequence, type BoardRecordLike } from '@storyloom/shared/storyboard/boardSequence'
import { shotNumbers } from '@storyloom/shared/storyboard/numbering'
import { sequenceTiming } from '@storyloom/shared/storyboard/runtime'
import { sceneHeading, type SceneRecord } from '@storyloom/shared/storyboard/sceneRecord'
import { shotCameraMoves, type CameraMove } from './shotCameraMoves'
import type { PictureFraming, ShotCamera, ShotMedia, ShotSound } from '@storyloom/shared/storyboard/shotShape'
import type { AspectRatio, ShotStatus, Transition } from '@storyloom/shared/storyboard/vocabulary'

/** A scene as the presentation heads it: number, then the name and slugline the team typed. */
export interface PresentationScene {
  readonly id: string
  /** 1-based, as in the strip. */
  readonly number: number
  /** May be empty. */
  readonly name: string
  /** The slugline, or what the location and time of day say; empty when the name says all there is. */
  readonly slugline: string
}

/** Who watches a presentation: the team (Present) or a client (a review link). */
export type PresentationAudience = 'team' | 'client'

/** One shot as the animatic plays it. */
export interface PresentationShot {
  readonly id: string
  /** "3.2", "3B", "0.2" (in no scene on a board with scenes) or "4" (a board without scenes), as on the board. */
  readonly number: string
  readonly title: string
  readonly sceneName: string | null
  /** The shot's scene, or null when it is in none. */
  readonly scene: PresentationScene | null
  readonly dialogue: string
  readonly action: string
  readonly status: ShotStatus
  readonly transitionIn: Transition
  /** How long its dissolve, fade or wipe lasts, in seconds; null for the usual length (transitionLength.ts). */
  readonly transitionInSeconds: number | null
  readonly media: ShotMedia | null
  /** How its picture is cropped into its frame (Reframe; null: centred, just covering). */
  readonly pictureFraming: PictureFraming | null
  /** Its own sound (a line, an effect), played from its first frame and cut at its end; null for none. */
  readonly sound: ShotSound | null
  /** How loud its sound plays, 0 (silent) to 1 (as recorded): its Volume. */
  readonly soundVolume: number
  /** The frame's aspect ratio, as on the canvas (the printed storyboard draws empty frames in it). */
  readonly aspect: AspectRatio
  readonly camera: ShotCamera
  /** Its camera moves, drawn on it or chosen in its camera fields (read as "Pan left, slow", played on its picture); may be empty. */
  readonly moves: readonly CameraMove[]
  /** On screen for this long: the shot's duration rounded to whole frames, as in an edit. */
  readonly seconds: number
  /** When it starts in the animatic. */
  readonly startSeconds: number
  /** The account id of the member who draws it; null for nobody (always on a review link's copy of the board). */
  readonly assigneeId: string | null
}

/** The animatic of a board: its shots in sequence order, with their timing. */
export interface PresentationModel {
  readonly shots: readonly PresentationShot[]
  readonly totalSeconds: number
  /**
   * Whether the board has scenes (even only empty ones): its shots in no scene are then numbered
   * under 0 (numbering.ts), and the grid heads them "0 No scene".
   */
  readonly hasScenes: boolean
  /** The board's scenes in sequence order, those without shots too (an export may pick one). */
  readonly scenes: readonly PresentationScene[]
}

/**
 * The board's animatic from its records: reading order (scene → shot), numbers in the board's
 * numbering style, and frame-exact timing at the board's frame rate, so it matches the strip.
 */
export function presentationModel(records: Iterable<BoardRecordLike>): PresentationModel {
  const all = [...records]
  const settings = findBoardSettings(all)
  const sequence = boardSequence(all)
  const numbers = shotNumbers(sequence, settings.numbering)
  const timing = sequenceTiming(sequence, settings.fps)
  const moves = shotCameraMoves(all)
  const scenes = new Map(sequence.scenes.map((scene, i) => [scene.id, presentationScene(scene, i + 1)]))
  const shots = sequence.entries.map((entry): PresentationShot => {
    const { props } = entry.shot.shape
    const time = timing.shots.get(entry.shot.id)
    return {
      id: entry.shot.id,
      number: numbers.get(entry.shot.id) ?? String(entry.position + 1),
      title: props.title,
      sceneName: entry.scene?.name ?? null,
      scene: entry.scene ? (scenes.get(entry.scene.id) ?? null) : null,
      dialogue: props.dialogue,
      action: props.action,
      status: props.status,
      transitionIn: props.transitionIn,
      transitionInSeconds: props.transitionInSeconds,
      media: props.media,
      pictureFraming: props.pictureFraming,
      sound: props.sound,
      soundVolume: props.soundVolume,
      aspect: props.aspect,
      camera: props.camera,
      moves: moves.get(entry.shot.id) ?? [],
      seconds: time?.seconds ?? props.duration,
      startSeconds: (time?.startFrame ?? 0) / settings.fps,
      assigneeId: props.assigneeId,
    }
  })
  return { shots, totalSeconds: timing.total.seconds, hasScenes: sequence.scenes.length > 0, scenes: [...scenes.values()] }
}

/** A scene's heading as the strip shows it (StripSceneGroup): name, then the slugline unless it only repeats the name. */
function presentationScene(scene: SceneRecord, number: number): PresentationScene {
  const name = scene.name.trim()
  const heading = sceneHeading(scene)
  return { id: scene.id, number, name, slugline: heading === name ? '' : heading }
}
