import type { Editor, TLPointerEventInfo } from 'tldraw'

/** Dispatches a plain (left-button, no modifier) pointer event on the canvas at page point (`x`, `y`). */
export function canvasPointer(editor: Editor, name: 'pointer_down' | 'pointer_up', x: number, y: number): void {
  editor.dispatch({
    type: 'pointer',
    name,
    target: 'canvas',
    point: { x, y, z: 0.5 },
    pointerId: 1,
    button: 0,
    isPen: false,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    accelKey: false,
  } satisfies TLPointerEventInfo)
}
