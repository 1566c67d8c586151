import { useEffect, useRef } from 'react'
import '../../styles/reframe.css'
import type { Editor } from 'tldraw'
import type { PictureFraming, TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { framingOf, panFraming, zoomFramingAt, type Size } from '../pictureFraming'
import { setPictureFraming } from './reframeMode'

/** A new wheel gesture (its own undo step) after this long without a wheel event. */
const WHEEL_GESTURE_GAP_MS = 400

/** The picture's own size (the frame's `<img>` or `<video>`), once it is known. */
function pictureSizeIn(frame: Element | null): Size | null {
  const media = frame?.querySelector<HTMLImageElement | HTMLVideoElement>('.shot-panel__media')
  if (!media) return null
  const width = media instanceof HTMLVideoElement ? media.videoWidth : media.naturalWidth
  const height = media instanceof HTMLVideoElement ? media.videoHeight : media.naturalHeight
  return width > 0 && height > 0 ? { width, height } : null
}

/**
 * The shot's frame as a drag surface while it is being reframed (the inspector's Reframe): a drag
 * moves the picture, the wheel or a pinch zooms it about the pointer. All in screen pixels (the
 * frame as drawn at the canvas's zoom), so the picture follows the pointer exactly. The events
 * stop here: tldraw neither selects nor moves the shot, nor pans or zooms the canvas. Each drag
 * and each wheel gesture is one undo step.
 */
export function ReframeSurface({ editor, shotId, framing }: { editor: Editor; shotId: TLShotShape['id']; framing: PictureFraming | null }) {
  const surface = useRef<HTMLDivElement>(null)
  // The latest framing, for the wheel listener (bound once).
  const current = useRef(framing)
  current.current = framing
  const drag = useRef<{ pointerId: number; x: number; y: number; from: PictureFraming } | null>(null)

  const measure = () => {
    const frame = surface.current?.parentElement ?? null
    const picture = pictureSizeIn(frame)
    const rect = frame?.getBoundingClientRect()
    return picture && rect && rect.width > 0 ? { picture, rect } : null
  }

  useEffect(() => {
    const el = surface.current
    if (!el) return
    let lastWheel = -Infinity
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      event.stopPropagation()
      const measured = measure()
      if (!measured) return
      if (event.timeStamp - lastWheel > WHEEL_GESTURE_GAP_MS) editor.markHistoryStoppingPoint('reframe zoom')
      lastWheel = event.timeStamp
      const { picture, rect } = measured
      const from = framingOf(current.current)
      // A pinch arrives as a wheel with Ctrl; either way, up zooms in.
      const zoom = from.zoom * Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.002))
      const at = { x: event.clientX - rect.left, y: event.clientY - rect.top }
      setPictureFraming(editor, shotId, zoomFramingAt(picture, rect, from, zoom, at))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
    // `measure` reads refs only: bound once per shot.
  }, [editor, shotId])

  return (
    <div
      ref={surface}
      className="shot-panel__reframe"
      data-testid="reframe-surface"
      aria-hidden
      style={{ pointerEvents: 'all' }}
      onPointerDown={(event) => {
        event.stopPropagation()
        if (event.button !== 0) return
        editor.markHistoryStoppingPoint('reframe')
        event.currentTarget.setPointerCapture(event.pointerId)
        drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, from: framingOf(framing) }
      }}
      onPointerMove={(event) => {
        event.stopPropagation()
        const start = drag.current
        if (!start || start.pointerId !== event.pointerId) return
        const measured = measure()
        if (!measured) return
        const by = { x: event.clientX - start.x, y: event.clientY - start.y }
        setPictureFraming(editor, shotId, panFraming(measured.picture, measured.rect, start.from, by))
      }}
      onPointerUp={(event) => {
        event.stopPropagation()
        drag.current = null
      }}
      onPointerCancel={() => {
        drag.current = null
      }}
      onDoubleClick={(event) => event.stopPropagation()}
    />
  )
}
