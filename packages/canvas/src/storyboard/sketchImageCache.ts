import type { Editor, TLShape, TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'

/** A shot's sketch as a picture: an SVG data URL, and the frame's size it was cropped to. */
export interface ShotSketchImage {
  readonly url: string
  readonly width: number
  readonly height: number
}

/** What a shot's sketch depends on: its children's records and the shot's frame. */
export interface SketchInputs {
  readonly shot: TLShotShape
  readonly children: readonly TLShape[]
}

/** A picture of a shot's sketch, with what it was drawn from. */
export interface DrawnSketch {
  readonly inputs: SketchInputs
  readonly image: ShotSketchImage
}

/** The last picture drawn of each shot's sketch, per editor. */
const drawn = new WeakMap<Editor, Map<string, DrawnSketch>>()

/** The last picture drawn of the shot's sketch with `editor`, if any. */
export function lastDrawnSketch(editor: Editor | null, shotId: string): DrawnSketch | undefined {
  return editor ? drawn.get(editor)?.get(shotId) : undefined
}

/**
 * Keeps `sketch` as the shot's last picture, for as long as the editor has the shot: a deleted
 * shot's picture goes with it, so an editor open for a long session (a presentation, a
 * canvas) does not hold every picture it ever drew.
 */
export function rememberDrawnSketch(editor: Editor, shotId: string, sketch: DrawnSketch): void {
  // An export that finished after its shot was deleted.
  if (!editor.store.has(shotId as TLShapeId)) return
  let byShot = drawn.get(editor)
  if (!byShot) {
    const pictures = (byShot = new Map())
    drawn.set(editor, pictures)
    const stop = editor.store.listen(
      ({ changes }) => {
        for (const id of Object.keys(changes.removed)) pictures.delete(id)
      },
      { scope: 'document', source: 'all' },
    )
    editor.disposables.add(stop)
  }
  byShot.set(shotId, sketch)
}
