import { useEffect, useRef, useState, type PointerEvent } from 'react'
import { useValue } from 'tldraw'
import { letterboxRect, simplifyStroke, toFramePoint, type FramePoint } from './markupGeometry'
import { useStagePictureBox } from '../../presentation/useStagePictureBox'
import { MarkupStrokes } from './MarkupStrokes'
import { useStageMarkup, type StageDrawing } from './stageMarkup'
import '../../styles/markup.css'

/** Raw points one stroke may gather before it is simplified: a pen held down for minutes ends its stroke there. */
const MAX_RAW_POINTS = 5000
/** The shot's picture box on the stage (PresentationStage): its image's or clip's, its sketch's paper, or its empty frame. */
const PICTURE_BOX = '.presentation-stage__incoming :is(.aspect-fit__box, .presentation-stage__placeholder)'

/** Stroke width on the stage, in CSS pixels. */
const STAGE_STROKE_WIDTH = 4

/**
 * Over the stage's frame (mounted by PresentationStage inside `.presentation-stage__frame`): the
 * drawing the comment box is making on the shot on screen, which takes freehand strokes (mouse,
 * pen, touch) while Draw is on, else the drawing of the comment the reader points at. Nothing at
 * all outside a presentation with a comment panel, or when neither is for this shot.
 */
export function StageMarkupLayer({ shotId, aspect }: { shotId: string; aspect: number }) {
  const stage = useStageMarkup()
  const drawing = useValue('stage drawing', () => stage?.drawing.get() ?? null, [stage])
  const shown = useValue('stage shown markup', () => stage?.shown.get() ?? null, [stage])
  const layer = useRef<HTMLDivElement>(null)
  const active = (drawing && drawing.shotId === shotId) || (shown && shown.shotId === shotId)
  // The picture's own box where the stage has one (an image's, a sketch's paper, an empty frame's
  // card), else the frame of `aspect` as large as fits: both in this layer's coordinates.
  const boxes = useStagePictureBox(layer, PICTURE_BOX, [active, aspect, shotId])
  const frame = boxes.picture && boxes.picture.width > 0 ? boxes.picture : letterboxRect({ x: 0, y: 0, width: boxes.width, height: boxes.height }, aspect)
  if (!stage || !active) return null
  const draws = drawing?.shotId === shotId ? drawing : null
  return (
    <div className="stage-markup" ref={layer} data-mode={draws ? 'draw' : 'show'}>
      <div className="stage-markup__frame" style={{ left: frame.x, top: frame.y, width: frame.width, height: frame.height }}>
        {draws ? (
          <DrawingSurface drawing={draws} aspect={aspect} pause={stage.pause} />
        ) : (
          shown && <MarkupStrokes strokes={shown.markup.strokes} width={STAGE_STROKE_WIDTH} />
        )}
      </div>
    </div>
  )
}

/** The frame taking strokes: one pointer at a time, each stroke simplified and handed to the comment box as it ends. */
function DrawingSurface({ drawing, aspect, pause }: { drawing: StageDrawing; aspect: number; pause(): void }) {
  const [live, setLive] = useState<{ pointerId: number; points: FramePoint[] } | null>(null)
  const surface = useRef<HTMLDivElement>(null)
  // A finger's moves are the stroke's, not the browser's: a quick stroke lifted while moving
  // otherwise started a fling (touch-action none or not), and the tap that stopped it — the first
  // one on Comment — was no click. React's touch listeners are passive: this one must not be.
  useEffect(() => {
    const el = surface.current
    if (!el) return
    const consume = (event: TouchEvent) => event.preventDefault()
    el.addEventListener('touchmove', consume, { passive: false })
    return () => el.removeEventListener('touchmove', consume)
  }, [])
  const pointAt = (event: PointerEvent<HTMLDivElement>): FramePoint => {
    const rect = event.currentTarget.getBoundingClientRect()
    return toFramePoint(event.clientX, event.clientY, { x: rect.left, y: rect.top, width: rect.width, height: rect.height })
  }
  const end = (event: PointerEvent<HTMLDivElement>) => {
    if (!live || live.pointerId !== event.pointerId) return
    event.stopPropagation()
    setLive(null)
    drawing.addStroke({ color: drawing.color, points: simplifyStroke(live.points, aspect) })
  }
  return (
    <div
      ref={surface}
      className="stage-markup__surface"
      data-testid="stage-markup-surface"
      aria-hidden="true"
      // Pointer strokes only: a swipe must not turn the shot, nor a drag scroll the page, while drawing.
      onPointerDown={(event) => {
        if (live || (event.pointerType === 'mouse' && event.button !== 0)) return
        event.preventDefault()
        event.stopPropagation()
        event.currentTarget.setPointerCapture(event.pointerId)
        pause()
        setLive({ pointerId: event.pointerId, points: [pointAt(event)] })
      }}
      onPointerMove={(event) => {
        if (!live || live.pointerId !== event.pointerId) return
        event.stopPropagation()
        if (live.points.length >= MAX_RAW_POINTS) return
        const coalesced = event.nativeEvent.getCoalescedEvents?.() ?? []
        const rect = event.currentTarget.getBoundingClientRect()
        const frame = { x: rect.left, y: rect.top, width: rect.width, height: rect.height }
        const added = (coalesced.length > 0 ? coalesced : [event]).map((e) => toFramePoint(e.clientX, e.clientY, frame))
        setLive({ pointerId: live.pointerId, points: [...live.points, ...added].slice(0, MAX_RAW_POINTS) })
      }}
      onPointerUp={end}
      onPointerCancel={end}
    >
      <MarkupStrokes strokes={[...(drawing.markup?.strokes ?? []), ...(live ? [{ color: drawing.color, points: live.points }] : [])]} width={STAGE_STROKE_WIDTH} />
    </div>
  )
}
