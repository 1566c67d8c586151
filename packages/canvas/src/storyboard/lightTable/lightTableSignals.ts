import type { Editor, Signal, TLShapeId } from 'tldraw'
import { editorMirror } from '../editorMirror'
import { boardSequenceModel } from '../sequence/boardSequenceModel'
import { shotsBefore } from './shotsBefore'

const byOrder = new WeakMap<object, ReadonlyMap<string, string>>()

/**
 * The shot before each shot ({@link shotsBefore}) on `editor`'s board, one signal for every
 * frame. Worked out again only when the order changes (the strip's model keeps its `order`
 * while shots are typed in or moved), and a mirror, so frames are not re-checked per camera step.
 */
export function shotsBeforeOf(editor: Editor): Signal<ReadonlyMap<string, string>> {
  return editorMirror(editor, 'light table shots before', () => {
    const { order } = boardSequenceModel(editor).get()
    let before = byOrder.get(order)
    if (!before) byOrder.set(order, (before = shotsBefore(order)))
    return before
  })
}

/**
 * The shapes tldraw culls (out of view: mounted, but not drawn), as a mirror: it changes only
 * when a shape comes into view or leaves it, so a frame reading it is not re-checked on every
 * camera step. tldraw keeps the same set while its contents do not change.
 */
export function culledShapesOf(editor: Editor): Signal<ReadonlySet<TLShapeId>> {
  return editorMirror(editor, 'culled shapes', () => editor.getCulledShapes())
}
