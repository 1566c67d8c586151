import { useCallback, useRef, useState, type DragEvent, type RefObject } from 'react'
import type { Editor } from 'tldraw'
import { boardSequenceModel } from './boardSequenceModel'
import { moveShots } from './sequenceCommands'
import { dropTargetAt, type StripLayout } from './stripLayout'

/** Type of the drag data the strip puts on a dragged card (the shot ids, as JSON). */
export const STRIP_DRAG_TYPE = 'application/x-storyloom-shots'

/**
 * Drag to reorder in the strip. Dragging a selected shot drags every selected shot (in
 * sequence order); dropping before/after a card or on a scene's end moves them there as one
 * undo step. Only drags that started in this strip are accepted.
 */
export function useStripDrag(editor: Editor, layout: StripLayout, track: RefObject<HTMLElement | null>) {
  const dragged = useRef<string[] | null>(null)
  const [markerX, setMarkerX] = useState<number | null>(null)

  const stripX = (event: DragEvent) => {
    const element = track.current!
    return event.clientX - element.getBoundingClientRect().left + element.scrollLeft
  }

  const onDragStart = useCallback(
    (shotId: string, event: DragEvent) => {
      const selected = new Set<string>(editor.getSelectedShapeIds())
      const ids = selected.has(shotId)
        ? boardSequenceModel(editor).get().sequence.entries.map((e) => e.shot.id).filter((id) => selected.has(id))
        : [shotId]
      dragged.current = ids
      event.dataTransfer.effectAllowed = 'move'
      event.dataTransfer.setData(STRIP_DRAG_TYPE, JSON.stringify(ids))
    },
    [editor],
  )

  const onDragOver = (event: DragEvent) => {
    if (!dragged.current) return
    const target = dropTargetAt(layout, stripX(event))
    if (!target) return setMarkerX(null)
    event.preventDefault()
    event.dataTransfer.dropEffect = 'move'
    setMarkerX(target.markerX)
  }

  const onDrop = (event: DragEvent) => {
    const ids = dragged.current
    const target = ids && dropTargetAt(layout, stripX(event))
    dragged.current = null
    setMarkerX(null)
    if (!ids || !target) return
    event.preventDefault()
    moveShots(editor, ids, target.placement)
  }

  const onDragEnd = () => {
    dragged.current = null
    setMarkerX(null)
  }

  return { markerX, onDragStart, onDragOver, onDrop, onDragEnd }
}
