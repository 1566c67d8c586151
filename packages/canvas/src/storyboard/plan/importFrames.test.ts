// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import type { Editor, IndexKey, TLShapeId } from 'tldraw'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { buildSequence } from '@storyloom/shared/storyboard/sequence'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { ApiError } from '../../api/apiClient'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { shotVersion } from '../../versions/testing/shotVersionFixture'
import { applyFrames, NOT_A_PICTURE, uploadFrames, type UploadFrame } from './importFrames'

const MB = 1024 * 1024
const png = (name: string, bytes = 10) => new File([new Uint8Array(bytes)], name, { type: 'image/png' })
/** The browser's decoder, as for pictures it reads (jsdom has none). */
const decoded = async () => ({ width: 1920, height: 1080 })

/** An upload that records a take for each file, as the server would. */
function fakeUpload(refuse: (file: File) => Error | undefined = () => undefined): { upload: UploadFrame; calls: string[] } {
  const calls: string[] = []
  const upload: UploadFrame = async (file, shotId) => {
    calls.push(file.name)
    const refusal = refuse(file)
    if (refusal) throw refusal
    return shotVersion(`v_${file.name}`, null, {
      shotId,
      assets: [{ assetId: 'a'.repeat(64), src: `/api/boards/b/assets/${calls.length}`, mimeType: 'image/png', kind: 'image' }],
    })
  }
  return { upload, calls }
}

describe('uploadFrames', () => {
  it('uploads the files in natural order, saying which one of how many it is on', async () => {
    const { upload, calls } = fakeUpload()
    const progress: string[] = []
    const result = await uploadFrames([png('f10.png'), png('f2.png'), png('f1.png')], {
      maxBytes: MB,
      upload,
      measure: decoded,
      onProgress: (n, total) => progress.push(`${n}/${total}`),
    })
    expect(calls).toEqual(['f1.png', 'f2.png', 'f10.png'])
    expect(progress).toEqual(['1/3', '2/3', '3/3'])
    // Each take is recorded under the id its shot will have.
    expect(result.frames.every((frame) => frame.version.shotId === frame.shotId)).toBe(true)
    expect(result.frames.map((frame) => frame.title)).toEqual(['f1', 'f2', 'f10'])
    expect(new Set(result.frames.map((frame) => frame.shotId)).size).toBe(3)
    expect(result.refused).toEqual([])
  })

  it('names the files it refuses and why, and still imports the others', async () => {
    const { upload, calls } = fakeUpload((file) =>
      file.name === 'disguised.png' ? new ApiError(ApiErrorCode.unsupportedMediaType, 'file is not a PNG, JPEG, …', 415) : undefined,
    )
    const notes = new File(['hello'], 'notes.txt', { type: 'text/plain' })
    const result = await uploadFrames([png('a1.png'), notes, png('huge.png', 2 * MB), png('disguised.png'), png('a2.png')], { maxBytes: MB, upload, measure: decoded })
    expect(result.frames.map((frame) => frame.title)).toEqual(['a1', 'a2'])
    expect(result.refused).toEqual([
      { name: 'disguised.png', reason: NOT_A_PICTURE },
      { name: 'huge.png', reason: 'larger than the 1 MB a file may be' },
      { name: 'notes.txt', reason: NOT_A_PICTURE },
    ])
    // The wrong type and the size are told before anything is sent.
    expect(calls).toEqual(['a1.png', 'a2.png', 'disguised.png'])
  })

  it('refuses, before sending it, a picture the browser cannot decode or one larger than a take may be, so no shot is left blank', async () => {
    const { upload, calls } = fakeUpload()
    const measure = async (file: File) =>
      file.name === 'damaged.png' ? undefined : file.name === 'bomb.png' ? { width: 60_000, height: 60_000 } : { width: 1920, height: 1080 }
    const result = await uploadFrames([png('a1.png'), png('damaged.png'), png('bomb.png'), png('a2.png')], { maxBytes: MB, upload, measure })
    expect(result.frames.map((frame) => frame.title)).toEqual(['a1', 'a2'])
    expect(result.refused).toEqual([
      { name: 'bomb.png', reason: '60000 × 60000 pixels: a picture is at most 16384 pixels on a side' },
      { name: 'damaged.png', reason: 'cannot be shown as a picture: it is damaged or not the image it says it is' },
    ])
    expect(calls).toEqual(['a1.png', 'a2.png'])
  })

  it('names the scene after every file chosen, not only those that were imported', async () => {
    const measure = async (file: File) => (file.name === 'sc05_2.png' ? undefined : { width: 1920, height: 1080 })
    const notes = new File(['hello'], 'notes.txt', { type: 'text/plain' })
    const result = await uploadFrames([png('sc05_2.png'), notes, png('sc05_10.png'), png('sc05_1.png')], { maxBytes: MB, upload: fakeUpload().upload, measure })
    // The damaged picture counts, the text file picked among them does not.
    expect(result.sceneName).toBe('sc05')
    const editor = headlessBoardEditor()
    try {
      const onlyOne = result.frames.slice(0, 1)
      expect(applyFrames(editor, onlyOne, { sceneName: result.sceneName }).sceneName).toBe('sc05')
      // Given no name, the scene is named after the frames themselves.
      expect(applyFrames(editor, (await uploadFrames([png('sc07_1.png')], { maxBytes: MB, upload: fakeUpload().upload, measure })).frames).sceneName).toBe('sc07')
    } finally {
      editor.dispose()
    }
  })

  it("gives any other failure's own message", async () => {
    const { upload } = fakeUpload(() => new Error('network down'))
    const result = await uploadFrames([png('a.png')], { maxBytes: MB, upload, measure: decoded })
    expect(result).toMatchObject({ frames: [], refused: [{ name: 'a.png', reason: 'network down' }] })
  })
})

describe('applyFrames', () => {
  const editors: Editor[] = []
  afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

  it('puts the frames on the board as one new scene of shots, in one undo step', async () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    // A board with a scene of its own, ordered where an exported plan's first scene would be.
    const opening = createScene({ order: 'a1' as IndexKey, name: 'Opening' })
    editor.store.put([opening])
    editor.createShape({ type: 'shot', x: 0, y: 0, props: { sceneId: opening.id } })
    const { frames } = await uploadFrames([png('sc01_020.png'), png('sc01_010.png')], { maxBytes: MB, upload: fakeUpload().upload, measure: decoded })
    const summary = applyFrames(editor, frames)

    const shot = (id: TLShapeId) => editor.getShape<TLShotShape>(id)!
    expect(summary.shotIds.map((id) => shot(id).props.title)).toEqual(['sc01_010', 'sc01_020'])
    expect(summary.shotIds.map((id) => shot(id).props.activeVersionId)).toEqual(['v_sc01_010.png', 'v_sc01_020.png'])
    expect(summary.sceneName).toBe('sc01')
    // After what the board had, in the strip and on the canvas (below it, clear of it).
    const records = editor.store.allRecords()
    const scenes = records.filter((record) => record.typeName === 'scene') as never[]
    const shots = editor.getCurrentPageShapes().filter((shape): shape is TLShotShape => shape.type === 'shot')
    const sequence = buildSequence(scenes, shots.map((s) => ({ id: s.id, sceneId: s.props.sceneId, order: s.props.order, shape: s })))
    expect(sequence.entries.map((entry) => entry.shot.id).slice(-2)).toEqual(summary.shotIds)
    expect(shot(summary.shotIds[0]!).y).toBeGreaterThan(0)

    editor.undo()
    expect(editor.getCurrentPageShapes()).toHaveLength(1)
    expect(editor.store.allRecords().filter((record) => record.typeName === 'scene')).toEqual([opening])
  })
})
