import { createShapeId, getIndices, type IndexKey, type TLShapeId } from 'tldraw'
import { arrangeShots, IMPORT_SHOTS_PER_ROW } from '@storyloom/shared/storyboard/arrangeScene'
import type { BoardSettingsRecord } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { MAX_TITLE_LENGTH } from '@storyloom/shared/storyboard/limits'
import { createSceneId, defaultSceneProperties } from '@storyloom/shared/storyboard/sceneRecord'
import { SHOT_PLAN_FORMAT, SHOT_PLAN_VERSION, type ShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import { defaultShotProps } from '@storyloom/shared/storyboard/shotShape'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { mediaOfVersion } from '../../versions/setActiveVersion'

/**
 * "Import frames": a folder of numbered panels drawn elsewhere, read as a shot plan of one new
 * scene, a shot per picture, each showing its picture as its first take.
 */

/** The scene's name when the files' names share no usable beginning. */
export const FRAMES_SCENE_FALLBACK = 'Imported frames'

/** Natural order, as a file manager sorts: numbers read as numbers (frame2 before frame10), case aside. */
const NAME_ORDER = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** `files` sorted by name in natural order (a new array). */
export function inNaturalOrder<T extends { readonly name: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => NAME_ORDER.compare(a.name, b.name))
}

/** A shot's title from its file's name: without the extension, cut to the title limit. */
export function frameTitle(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/u, '').trim()
  return (base || fileName).slice(0, MAX_TITLE_LENGTH)
}

/**
 * The new scene's name: the beginning all `titles` share, less a running number it ends inside
 * and the separators before it ("sc01_010", "sc01_020" → "sc01"); of one title alone, the title
 * less a running number after a separator ("sc05_1" → "sc05", as with its fellows); "Imported
 * frames" when that leaves fewer than two characters or nothing with a letter in it.
 */
export function framesSceneName(titles: readonly string[]): string {
  const [first, ...rest] = titles
  if (first === undefined) return FRAMES_SCENE_FALLBACK
  let prefix = first
  for (const title of rest) {
    let i = 0
    while (i < prefix.length && i < title.length && prefix[i] === title[i]) i++
    prefix = prefix.slice(0, i)
  }
  // A running number the titles differ inside ("sc01_0" of 010 and 020) is not part of the name.
  if (titles.some((title) => /\d/u.test(title[prefix.length] ?? ''))) prefix = prefix.replace(/\d+$/u, '')
  // One file alone: a number set off at its end is its frame number ("sc05" keeps its own).
  if (rest.length === 0) prefix = prefix.replace(/[\s_.\-–—]+\d+$/u, '')
  const name = prefix.replace(/[\s_.\-–—]+$/u, '')
  return name.length >= 2 && /\p{L}/u.test(name) ? name : FRAMES_SCENE_FALLBACK
}

/** A picture uploaded as the first take of a shot still to be made. */
export interface ImportedFrame {
  /** The id the new shot will have (its take is already recorded under it). */
  readonly shotId: TLShapeId
  readonly title: string
  readonly version: ShotVersion
}

/** What the board decides about the new shots. */
export interface FramesBoard {
  /** The board's settings, kept as they are; the shots take its aspect ratio. */
  readonly settings: Pick<BoardSettingsRecord, 'numbering' | 'fps' | 'defaultAspect'>
  /** A new shot's size at that aspect ratio, as the shot tool makes it. */
  readonly shotSize: { readonly w: number; readonly h: number }
}

/** A fresh shot id for a frame about to be uploaded. */
export function newFrameShotId(): TLShapeId {
  return createShapeId()
}

/**
 * The shot plan of `frames` (in the order given): one new scene, its shots laid out in rows as
 * an imported screenplay's scene is, from `origin` (the page's origin unless given), each titled
 * from its file and showing its take. The scene is `sceneName`, else named after the frames.
 */
export function framesToShotPlan(
  frames: readonly ImportedFrame[],
  {
    settings,
    shotSize,
    origin = { x: 0, y: 0 },
    sceneName = framesSceneName(frames.map((frame) => frame.title)),
  }: FramesBoard & { readonly origin?: { readonly x: number; readonly y: number }; readonly sceneName?: string },
): ShotPlan {
  const { meta: _meta, ...blank } = defaultSceneProperties()
  const scene = { ...blank, id: createSceneId(), order: 'a1' as IndexKey, name: sceneName }
  const orders = getIndices(frames.length + 1).slice(1)
  const positions = arrangeShots(
    frames.map(() => ({ id: '', x: 0, y: 0, ...shotSize })),
    { origin, perRow: IMPORT_SHOTS_PER_ROW },
  )
  const defaults = defaultShotProps()
  const { numbering, fps, defaultAspect } = settings
  return {
    format: SHOT_PLAN_FORMAT,
    version: SHOT_PLAN_VERSION,
    settings: { numbering, fps, defaultAspect },
    scenes: [scene],
    shots: frames.map((frame, i) => ({
      ...defaults,
      id: frame.shotId,
      x: positions[i]!.x,
      y: positions[i]!.y,
      ...shotSize,
      aspect: defaultAspect,
      title: frame.title,
      sceneId: scene.id,
      order: orders[i]!,
      activeVersionId: frame.version.id,
      media: mediaOfVersion(frame.version),
    })),
  }
}
