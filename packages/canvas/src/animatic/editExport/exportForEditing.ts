import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate'
import type { TLStore } from 'tldraw'
import { findBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { presentationModel, type PresentationShot } from '../../presentation/presentationShots'
import { openSketchEditor } from '../../presentation/sketchEditor'
import { fileBaseName } from '../../storyboard/plan/shotPlanFiles'
import { videoFrameSize } from '../animaticFrames'
import { drawShotFrame } from '../drawShotFrame'
import { AnimaticExportError } from '../exportAnimatic'
import { exportRange, rangeFileBase, rangeSequenceTitle, type ExportRangeChoice } from '../exportRange'
import { openShotPictureOrCard } from '../shotPictureSource'
import { editAudio } from './editAudio'
import { addSoundFiles } from './editAudioFiles'
import { cmx3600Edls, edlFileName } from './cmx3600Edl'
import { duckedSoundtrack } from './editDucking'
import { editReadme } from './editReadme'
import { editTimeline } from './editTimeline'
import { finalCutXml, STILLS_FOLDER } from './finalCutXml'

/** The stills' size: the board's aspect ratio as large as fits 1920×1080 (1080×1920 when vertical), full HD for an editor's timeline. */
const STILL_BOX = { long: 1920, short: 1080 }

export interface EditExportProgress {
  /** Stills made so far, of `shots`. */
  readonly done: number
  readonly shots: number
}

/** The ZIP for an editor, ready to download. */
export interface EditPackage {
  readonly blob: Blob
  /** `<board-name>-edit.zip`, `<board-name>-sc03-edit.zip`, `<board-name>-selection-edit.zip`. */
  readonly fileName: string
  readonly width: number
  readonly height: number
  /** Shots whose image or clip could not be loaded: their still is the placeholder card. */
  readonly unreadable: readonly PresentationShot[]
  /** The sound files that could not be fetched, left out of the ZIP and the edit: "The soundtrack", "The sound of shot 1.2". */
  readonly missingSounds: readonly string[]
}

/**
 * The board's animatic for an editor (Premiere Pro, DaVinci Resolve, Avid, Final Cut), as one
 * ZIP made in the browser: a still of each shot as the video export draws its first frame (its
 * image, a generated clip's first frame, its sketch or its placeholder card; with `captions`,
 * its number, title and dialogue on it), a Final Cut Pro 7 XML and a CMX3600 EDL of the cut at
 * the board's frame rate, and a README on importing them. The board's soundtrack and the shots' own
 * sounds go in `audio/`, on the XML's audio tracks and in the EDL's audio events, as Export video
 * mixes them (the soundtrack ducked under the shots' sounds by Audio Levels keyframes in the XML).
 * `range` limits it to a scene or the selected shots (exportRange.ts): a sequence of its own from
 * 01:00:00:00, named for the range, as are the files. Stops with `signal`'s reason when it aborts.
 */
export async function exportForEditing(
  store: TLStore,
  {
    boardName,
    mediaUrl,
    captions,
    range: choice = { kind: 'board' },
    signal,
    onProgress,
  }: { boardName: string | undefined; mediaUrl(src: string): string; captions: boolean; range?: ExportRangeChoice; signal: AbortSignal; onProgress?(progress: EditExportProgress): void },
): Promise<EditPackage> {
  const records = store.allRecords()
  const range = exportRange(presentationModel(records), choice)
  const { shots } = range
  if (shots.length === 0) throw new AnimaticExportError(choice.kind === 'board' ? 'The board has no shots to put in an edit.' : 'There are no shots to put in an edit.')
  const settings = findBoardSettings(records)
  const size = videoFrameSize(settings.defaultAspect, STILL_BOX)
  const timeline = editTimeline(rangeSequenceTitle(boardName ?? '', range), shots, settings.fps, size)
  const base = rangeFileBase(fileBaseName(boardName, 'storyboard'), range)
  let audio = editAudio(timeline, shots, settings.soundtrack, range.segments)

  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new AnimaticExportError('This browser could not draw the stills.')
  const zip = zipWriter()
  const sketches = openSketchEditor(store)
  const unreadable: PresentationShot[] = []
  const missingSounds: string[] = []
  try {
    for (const [i, shot] of shots.entries()) {
      signal.throwIfAborted()
      onProgress?.({ done: i, shots: shots.length })
      const picture = await openShotPictureOrCard(shot, { mediaUrl, sketchEditor: sketches.editor, signal }, unreadable)
      try {
        drawShotFrame(ctx, shot, picture && { kind: picture.kind, frame: await picture.frame(0) }, captions)
      } finally {
        picture?.close()
      }
      zip.add(`${STILLS_FOLDER}/${timeline.clips[i]!.fileName}`, await canvasPng(canvas), false)
    }
    signal.throwIfAborted()
    onProgress?.({ done: shots.length, shots: shots.length })
    const sounds = await addSoundFiles(audio, { mediaUrl, signal, add: (name, bytes) => zip.add(name, bytes, false) })
    missingSounds.push(...sounds.missing)
    // Ducked under the sounds that made it into the edit, as the animatic plays it.
    audio = duckedSoundtrack(sounds.audio, timeline, shots, settings.soundtrackDucking)
  } catch (error) {
    zip.abort()
    if (signal.aborted || error instanceof AnimaticExportError) throw error
    throw new AnimaticExportError('The stills could not be made.', { cause: error })
  } finally {
    sketches.dispose()
  }
  const edls = cmx3600Edls(timeline, audio)
  const files = { xml: `${base}.xml`, edls: edls.map((_, k) => edlFileName(base, k, edls.length)) }
  zip.add(files.xml, strToU8(finalCutXml(timeline, audio)), true)
  edls.forEach((edl, k) => zip.add(files.edls[k]!, strToU8(edl), true))
  zip.add('README.txt', strToU8(editReadme(timeline, files, audio).replace(/\n/g, '\r\n')), true)
  return { blob: await zip.end(), fileName: `${base}-edit.zip`, ...size, unreadable, missingSounds }
}

/**
 * A ZIP written as files are added (fflate), so the stills need not all be held twice: PNGs are
 * stored as they are (already compressed), text is deflated.
 */
function zipWriter() {
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let failure: Error | null = null
  let finished: () => void = () => {}
  const done = new Promise<void>((resolve) => (finished = resolve))
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error
    else chunks.push(chunk as Uint8Array<ArrayBuffer>)
    if (final || error) finished()
  })
  return {
    add(name: string, data: Uint8Array, compress: boolean) {
      const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name)
      zip.add(file)
      file.push(data, true)
    },
    abort: () => zip.terminate(),
    async end(): Promise<Blob> {
      zip.end()
      await done
      if (failure) throw new AnimaticExportError('The ZIP could not be written.', { cause: failure })
      return new Blob(chunks, { type: 'application/zip' })
    },
  }
}

function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject) : reject(new Error('no PNG'))), 'image/png'),
  )
}
