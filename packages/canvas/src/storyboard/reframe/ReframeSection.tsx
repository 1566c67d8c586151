import { useEffect, useId } from 'react'
import '../../styles/reframe.css'
import { useEditor, useValue } from 'tldraw'
import { MAX_PICTURE_ZOOM } from '@storyloom/shared/storyboard/limits'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { InspectorNumberField } from '../InspectorNumberField'
import { framingOf, isCentredFraming } from '../pictureFraming'
import { nudgedFraming, parseZoomPercent, reframingShotOf, setPictureFraming } from './reframeMode'

/** Keys that belong to the field they are typed in, not to reframing. */
function isTypingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/**
 * The inspector's Reframe (editors, a shot with a picture): how close the picture is (a slider
 * and a field in percent), Reset to the centred picture that just covers the frame, and the
 * Reframe button, which makes the shot's frame on the canvas a drag surface (drag to move the
 * picture, wheel or pinch to zoom about the pointer; arrows move it too, Shift further) until
 * it is pressed again, Esc, or another shot is selected. Each slider drag or key, field edit,
 * canvas drag and Reset is one undo step, for everyone at once.
 */
export function ReframeSection({ shape }: { shape: TLShotShape }) {
  const editor = useEditor()
  const mode = reframingShotOf(editor)
  const active = useValue('reframing this shot', () => mode.get() === shape.id, [mode, shape.id])
  const { zoom } = framingOf(shape.props.pictureFraming)
  const headingId = useId()
  const set = (framing: Parameters<typeof setPictureFraming>[2]) => setPictureFraming(editor, shape.id, framing)
  const current = shape.props.pictureFraming

  // Reframing ends with the shot's inspector (another shot selected, the shot deleted).
  useEffect(() => () => {
    if (mode.get() === shape.id) mode.set(null)
  }, [mode, shape.id])

  // While reframing: Esc ends it, arrows move the picture (but not while typing in a field).
  useEffect(() => {
    if (!active) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        editor.markEventAsHandled(event)
        event.stopPropagation()
        mode.set(null)
        return
      }
      if (isTypingIn(event.target) || event.ctrlKey || event.metaKey || event.altKey) return
      const next = nudgedFraming(editor.getShape<TLShotShape>(shape.id)?.props.pictureFraming ?? null, event.key, event.shiftKey)
      if (!next) return
      event.preventDefault()
      event.stopPropagation()
      editor.markEventAsHandled(event)
      if (!event.repeat) editor.markHistoryStoppingPoint('reframe nudge')
      setPictureFraming(editor, shape.id, next)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [active, editor, mode, shape.id])

  return (
    <div className="shot-inspector__reframe" role="group" aria-labelledby={headingId}>
      <div className="shot-inspector__reframe-head">
        <span id={headingId} className="shot-inspector__label">Reframe</span>
        <button
          type="button"
          className="shot-inspector__reframe-toggle"
          aria-pressed={active}
          title="Drag the picture in its frame on the canvas, scroll to zoom (Esc ends)"
          onClick={() => mode.set(active ? null : shape.id)}
        >
          Reframe
        </button>
        <button type="button" disabled={isCentredFraming(current)} onClick={() => set(null)}>
          Reset
        </button>
      </div>
      <input
        type="range"
        aria-label="Zoom"
        min={100}
        max={MAX_PICTURE_ZOOM * 100}
        step={5}
        value={Math.round(zoom * 100)}
        // A slider drag (its own pointer down) is one undo step; a key on it is one each.
        onPointerDown={() => editor.markHistoryStoppingPoint('reframe zoom')}
        onKeyDown={(event) => {
          if (!event.repeat) editor.markHistoryStoppingPoint('reframe zoom')
        }}
        onChange={(event) => set({ ...framingOf(current), zoom: Number(event.currentTarget.value) / 100 })}
      />
      <InspectorNumberField label="Zoom (%)" value={Math.round(zoom * 100)} parse={parseZoomPercent} onValid={(percent) => set({ ...framingOf(current), zoom: percent / 100 })} />
    </div>
  )
}
