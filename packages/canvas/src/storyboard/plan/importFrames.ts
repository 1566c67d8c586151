import type { Editor, TLShapeId } from 'tldraw'
import { PICTURE_MIME_TYPES } from '@storyloom/shared/api/assets'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { ApiError } from '../../api/apiClient'
import { imageFileSize } from '../../versions/imageFileSize'
import { checkTakeFile, type PictureSize } from '../../versions/takeFileCheck'
import { applyShotPlan, newShotSize } from './applyShotPlan'
import { findBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { frameTitle, framesSceneName, framesToShotPlan, inNaturalOrder, newFrameShotId, type ImportedFrame } from './framesPlan'

/**
 * Pictures made shots: "Import frames" (each picture uploaded as the first take of a shot still
 * to be made, the Versions panel's "Upload take" request) and pictures placed on the canvas
 * (their uploaded files made takes), then every shot put on the board at once.
 */

/** Why a file that is no picture the board takes is refused. */
export const NOT_A_PICTURE = 'not an image or clip the board takes (PNG, JPEG, GIF, WebP, AVIF, MP4 or WebM)'

/** Records `file` as a new root take of the shot `shotId` will be (see versionsApi's uploadTake). */
export type UploadFrame = (file: File, shotId: TLShapeId, size: { width: number; height: number } | undefined) => Promise<ShotVersion>

/** A file left out, and why, in words for the person importing. */
export interface RefusedFrame {
  readonly name: string
  readonly reason: string
}

/**
 * What the uploads gave: the frames to put on the board (in natural order), the files refused,
 * and the new scene's name, from every picture chosen (framesSceneName; a file of another type
 * picked among them aside): refusals leave it as the group would have it ("sc05", not the one
 * file left, "sc05_1").
 */
export interface UploadedFrames {
  readonly frames: ImportedFrame[]
  readonly refused: RefusedFrame[]
  readonly sceneName: string
}

const MB = 1024 * 1024

/** Why `file` is refused before it is sent (a type that is no picture, over the size limit), if it is. */
function refusalBeforeUpload(file: File, maxBytes: number): string | undefined {
  // An empty type is the browser not knowing: the server reads the file's first bytes and decides.
  if (file.type && !(PICTURE_MIME_TYPES as readonly string[]).includes(file.type)) return NOT_A_PICTURE
  if (file.size > maxBytes) return `larger than the ${Math.round((maxBytes / MB) * 10) / 10} MB a file may be`
  return undefined
}

/** How each source of a frame becomes its shot's first take. */
export interface FrameTakes<T> {
  /** The file name the shot's title is made from. */
  readonly name: (source: T) => string
  /** Why `source` is refused before any request, if it is. */
  readonly refusal?: (source: T) => string | undefined
  /** Whether `source` is no longer wanted by its turn (left out: neither taken nor refused). */
  readonly skip?: (source: T) => boolean
  /** Records `source` as a new root take of the shot `shotId` will be. */
  readonly take: (source: T, shotId: TLShapeId) => Promise<ShotVersion>
  readonly onProgress?: (n: number, total: number) => void
}

/** A frame with what it was made from. */
export type FrameOf<T> = ImportedFrame & { readonly source: T }

/**
 * Makes each of `sources` (in the order given) the first take of a fresh shot id, one after
 * another, telling `onProgress` which one of how many is under way; the scene is named after them
 * all, but files whose type is no picture's. A source refused (before
 * its request, or by the server) is named with its reason; one `skip` says is no longer wanted
 * is left out; the others go on. Import frames
 * uploads files this way; pictures already placed on the canvas reuse their uploaded files.
 */
export async function takeFrames<T>(sources: readonly T[], { name, refusal, skip, take, onProgress }: FrameTakes<T>): Promise<Omit<UploadedFrames, 'frames'> & { frames: FrameOf<T>[] }> {
  const frames: FrameOf<T>[] = []
  const refused: RefusedFrame[] = []
  // The scene is named after every picture chosen: a file of another type picked among them does not count.
  const pictureTitles = sources.flatMap((source) => (refusal?.(source) === NOT_A_PICTURE ? [] : [frameTitle(name(source))]))
  for (const [i, source] of sources.entries()) {
    onProgress?.(i + 1, sources.length)
    if (skip?.(source)) continue
    const early = refusal?.(source)
    if (early) {
      refused.push({ name: name(source), reason: early })
      continue
    }
    const shotId = newFrameShotId()
    try {
      frames.push({ shotId, title: frameTitle(name(source)), version: await take(source, shotId), source })
    } catch (error) {
      const unsupported = error instanceof ApiError && error.code === ApiErrorCode.unsupportedMediaType
      refused.push({ name: name(source), reason: unsupported ? NOT_A_PICTURE : (error as Error).message })
    }
  }
  return { frames, refused, sceneName: framesSceneName(pictureTitles) }
}

/**
 * Uploads `files` one after another in natural order of their names, each as the first take of
 * a fresh shot id (see takeFrames). A file of a type that is no picture, or over the size
 * limit, is refused before it is sent; so is a picture the browser cannot decode or one larger
 * than a take may be (checkTakeFile, as Upload take checks), which would otherwise become a
 * blank shot. `measure` is the browser's decoder (injected in tests).
 */
export async function uploadFrames(
  files: readonly File[],
  {
    maxBytes,
    upload,
    onProgress,
    measure = imageFileSize,
  }: { maxBytes: number; upload: UploadFrame; onProgress?: (n: number, total: number) => void; measure?: (file: File) => Promise<PictureSize | undefined> },
): Promise<UploadedFrames> {
  return takeFrames(inNaturalOrder(files), {
    name: (file) => file.name,
    refusal: (file) => refusalBeforeUpload(file, maxBytes),
    take: async (file, shotId) => {
      const checked = await checkTakeFile(file, measure)
      if (!checked.ok) throw new Error(checked.problem)
      return upload(file, shotId, checked.size)
    },
    ...(onProgress ? { onProgress } : {}),
  })
}

/** What putting the frames on the board did. */
export interface FramesImportSummary {
  readonly shotIds: TLShapeId[]
  readonly sceneName: string
}

/**
 * Puts `frames` on the board as one new scene after the board's own (named `sceneName`, else
 * after the frames), its shots at the board's aspect ratio laid out clear of what is on the
 * page: one undo step (see applyShotPlan). The shapes `replacing` (pictures becoming these
 * shots) are removed in that same step.
 */
export function applyFrames(
  editor: Editor,
  frames: readonly ImportedFrame[],
  { replacing = [], sceneName }: { replacing?: readonly TLShapeId[]; sceneName?: string } = {},
): FramesImportSummary {
  const settings = findBoardSettings(editor.store.allRecords())
  // Where the replaced shapes were (their top left): the shots take their place when it is free.
  const origin = replacing.length > 0 ? editor.getShapesPageBounds([...replacing])?.point : undefined
  const plan = framesToShotPlan(frames, { settings, shotSize: newShotSize(settings.defaultAspect), ...(origin ? { origin } : {}), ...(sceneName ? { sceneName } : {}) })
  const { shotIds } = applyShotPlan(editor, plan, { replacing })
  return { shotIds, sceneName: plan.scenes[0]!.name }
}
