import type { Editor, TLShapeId } from 'tldraw'
import { PICTURE_MIME_TYPES } from '@storyloom/shared/api/assets'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { ApiError } from '../../api/apiClient'
import { imageFileSize } from '../../versions/imageFileSize'
import { applyShotPlan, newShotSize } from './applyShotPlan'
import { findBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { frameTitle, framesToShotPlan, inNaturalOrder, newFrameShotId, type ImportedFrame } from './framesPlan'

/**
 * "Import frames": each picture uploaded as the first take of a shot still to be made (the
 * Versions panel's "Upload take" request), then every shot put on the board at once.
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

/** What the uploads gave: the frames to put on the board (in natural order) and the files refused. */
export interface UploadedFrames {
  readonly frames: ImportedFrame[]
  readonly refused: RefusedFrame[]
}

const MB = 1024 * 1024

/** Why `file` is refused before it is sent (a type that is no picture, over the size limit), if it is. */
function refusalBeforeUpload(file: File, maxBytes: number): string | undefined {
  // An empty type is the browser not knowing: the server reads the file's first bytes and decides.
  if (file.type && !(PICTURE_MIME_TYPES as readonly string[]).includes(file.type)) return NOT_A_PICTURE
  if (file.size > maxBytes) return `larger than the ${Math.round((maxBytes / MB) * 10) / 10} MB a file may be`
  return undefined
}

/**
 * Uploads `files` one after another in natural order of their names, each as the first take of
 * a fresh shot id, telling `onProgress` which one of how many is under way. A file refused (by
 * its type or size here, or by the server) is named with its reason; the others go on.
 */
export async function uploadFrames(
  files: readonly File[],
  { maxBytes, upload, onProgress }: { maxBytes: number; upload: UploadFrame; onProgress?: (n: number, total: number) => void },
): Promise<UploadedFrames> {
  const ordered = inNaturalOrder(files)
  const frames: ImportedFrame[] = []
  const refused: RefusedFrame[] = []
  for (const [i, file] of ordered.entries()) {
    onProgress?.(i + 1, ordered.length)
    const early = refusalBeforeUpload(file, maxBytes)
    if (early) {
      refused.push({ name: file.name, reason: early })
      continue
    }
    const shotId = newFrameShotId()
    try {
      const version = await upload(file, shotId, await imageFileSize(file))
      frames.push({ shotId, title: frameTitle(file.name), version })
    } catch (error) {
      const unsupported = error instanceof ApiError && error.code === ApiErrorCode.unsupportedMediaType
      refused.push({ name: file.name, reason: unsupported ? NOT_A_PICTURE : (error as Error).message })
    }
  }
  return { frames, refused }
}

/** What putting the frames on the board did. */
export interface FramesImportSummary {
  readonly shotIds: TLShapeId[]
  readonly sceneName: string
}

/**
 * Puts `frames` on the board as one new scene after the board's own, its shots at the board's
 * aspect ratio laid out clear of what is on the page: one undo step (see applyShotPlan).
 */
export function applyFrames(editor: Editor, frames: readonly ImportedFrame[]): FramesImportSummary {
  const settings = findBoardSettings(editor.store.allRecords())
  const plan = framesToShotPlan(frames, { settings, shotSize: newShotSize(settings.defaultAspect) })
  const { shotIds } = applyShotPlan(editor, plan)
  return { shotIds, sceneName: plan.scenes[0]!.name }
}
