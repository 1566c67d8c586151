import { useLayoutEffect, useRef } from 'react'
import { useEditor, useIsEditing, useSvgExportContext, useValue } from 'tldraw'
import { MAX_TITLE_LENGTH } from '@storyloom/shared/storyboard/limits'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { SHOT_STATUSES, entryOf } from '@storyloom/shared/storyboard/vocabulary'
import { formatRuntime } from '@storyloom/shared/storyboard/runtime'
import { cameraLine } from './cameraLine'
import { SHOT_CAMERA_HEIGHT, SHOT_HEADER_HEIGHT, SHOT_TEXT_HEIGHT, shotFrameSize } from './shotLayout'
import { mirroredShotNumbersOf } from './shotNumbers'
import { greekBars, shotsGreekedOf } from './shotGreeking'
import { estimatedLines, shotTextLineBudget } from './shotTextLines'
import { ShotGenerationOverlay } from '../generation/ShotGenerationOverlay'
import { ShotReviewBadge } from '../review/ShotReviewBadge'
import { hasReviewBadge, useShotReviewSummary } from '../review/useShotReviewSummary'
import { shotHeaderLayout } from './shotHeaderLayout'
import { ShotTitle } from './ShotTitle'
import { FrameGuideOverlay } from './guides/FrameGuideOverlay'
import { UNTITLED_SHOT, shotTitleText } from './shotTitleText'
import { useCaretKeptThroughOthersEdits } from './useCaretKeptThroughOthersEdits'
import { useKeysOffCanvasWhenDeleted } from './useKeysOffCanvasWhenDeleted'
import { keyboardReturnAsked, titleEditEnded } from './titleEditReturn'
import { endTitleEdit, focusCanvas } from './sequence/sequenceCommands'
import { findHighlightsOf, findMarkOf } from './find/findHighlights'
import { endNewShotTitleOnBlur, keepsNewShotTitleOpen, newShotTitleEnded, undoUntouchedNewShot } from './newShotTitle'
import { pictureFramingCss } from './pictureFraming'
import { reframingShotOf } from './reframe/reframeMode'
import { ReframeSurface } from './reframe/ReframeSurface'
import { LightTableUnderlay } from './lightTable/LightTableUnderlay'
import { ShotSoundMark } from './sound/ShotSoundMark'
import { AssigneeBadge } from './assignee/AssigneeBadge'
import { UnreadablePicture } from '../versions/UnreadablePicture'
import { useTakePicture } from '../versions/unreadableTakePicture'
import { showTakesOf } from '../versions/versionPanelAsk'

/** How a shot looks on the canvas: number, title, duration, frame, camera line, status, text. */
export function ShotPanel({ shape }: { shape: TLShotShape }) {
  const editor = useEditor()
  const isEditing = useIsEditing(shape.id)
  const number = useValue('shot number', () => mirroredShotNumbersOf(editor).get().get(shape.id) ?? '', [editor, shape.id])
  const { w, h, aspect, title, duration, camera, status, action, dialogue, media, pictureFraming, assigneeId } = shape.props
  const reframed = pictureFramingCss(pictureFraming)
  const picture = useTakePicture(media?.src)
  // The inspector's Reframe makes this frame a drag surface (editors, a shot with a picture).
  const reframing = useValue('reframing shot', () => reframingShotOf(editor).get() === shape.id, [editor, shape.id]) && media !== null && !editor.getIsReadonly()
  const frame = shotFrameSize(w, h, aspect)
  // The text area's whole lines, shared between action and dialogue (see shotTextLines.ts).
  const textWidth = w - 16
  const lines = shotTextLineBudget(estimatedLines(action, textWidth).length, estimatedLines(dialogue, textWidth).length)
  // Both are mirrors: 500 panels' reads of store-derived values would each be re-checked on
  // every camera step. The panels re-render once when a zoom settles across the greek zoom.
  const greeked = useValue('shot greeked', () => shotsGreekedOf(editor).get(), [editor]) && !isEditing
  // Find's highlight (Ctrl+F): this page's alone, never in an exported image.
  const exporting = useSvgExportContext() !== null
  const found = useValue('shot found', () => (exporting ? undefined : findMarkOf(findHighlightsOf(editor).get(), shape.id)), [editor, shape.id, exporting])
  // Selected alone, on a touch screen, a title cut short shows whole (storyboard.css): no hover there for its tooltip.
  const selected = useValue('shot selected alone', () => !exporting && editor.getOnlySelectedShapeId() === shape.id, [editor, shape.id, exporting])
  // The title keeps a readable width: the badges beside it fold first (shotHeaderLayout).
  const review = useShotReviewSummary(shape.id)
  const reviewed = hasReviewBadge(review) ? review : null
  const runtime = formatRuntime(duration)
  const header = shotHeaderLayout(w, { number, duration: runtime, title, assignee: assigneeId !== null, sound: shape.props.sound !== null, review: reviewed })
  const titleInput = useRef<HTMLInputElement>(null)
  useCaretKeptThroughOthersEdits(titleInput, title, shape.id)
  const panel = useRef<HTMLDivElement>(null)
  useKeysOffCanvasWhenDeleted(editor, panel, shape.id, `Shot ${number}`)
  // Focus the title as soon as the field is in the page (before the browser handles the next
  // key), with the title selected so typing replaces it.
  useLayoutEffect(() => {
    if (!isEditing) return
    titleInput.current?.focus()
    titleInput.current?.select()
    // A double-click starts editing on its second press, so the press is still going on.
    if (editor.inputs.getIsPointing()) return keepFocusThroughPress(editor.getContainer().ownerDocument)
  }, [editor, isEditing])
  // An edit ended other than by Enter or Escape in the field (a click elsewhere) keeps the focus where it went.
  useLayoutEffect(() => {
    if (!isEditing) return
    return () => {
      newShotTitleEnded(editor, shape.id)
      titleEditEnded(editor, shape.id, false)
    }
  }, [editor, isEditing, shape.id])
  // Escape in a rename started from a strip card: tldraw's own Escape (on its container, before
  // the field's React handler) would focus the canvas and, on its next tick, cancel the edit and
  // focus the canvas again, after the keyboard went back to the card. It is kept from that here.
  useLayoutEffect(() => {
    const input = titleInput.current
    if (!isEditing || !input) return
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !keyboardReturnAsked(editor, shape.id)) return
      editor.markEventAsHandled(event)
      endTitleEdit(editor)
      titleEditEnded(editor, shape.id, true)
    }
    input.addEventListener('keydown', onEscape)
    return () => input.removeEventListener('keydown', onEscape)
  }, [editor, isEditing, shape.id])

  return (
    <div ref={panel} className="shot-panel" data-shot-status={status} data-greeked={greeked || undefined} data-find={found} data-selected={selected || undefined} style={{ width: w, height: h }}>
      <div className="shot-panel__header" style={{ height: SHOT_HEADER_HEIGHT }}>
        <span className="shot-panel__number" data-testid="shot-number">
          {number}
        </span>
        {isEditing ? (
          <input
            className="shot-panel__title-input"
            aria-label="Shot title"
            ref={titleInput}
            maxLength={MAX_TITLE_LENGTH}
            value={title}
            placeholder={UNTITLED_SHOT}
            onPointerDown={(e) => e.stopPropagation()}
            onChange={(e) => editor.updateShape<TLShotShape>({ id: shape.id, type: 'shot', props: { title: e.currentTarget.value } })}
            onBlur={(e) => endNewShotTitleOnBlur(editor, shape.id, e.currentTarget.value, e.currentTarget.ownerDocument.hasFocus())}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && keepsNewShotTitleOpen(editor, shape.id, e.currentTarget.value)) {
                // A new shot's title opened by itself: Enter before any typing keeps it open.
                e.stopPropagation()
                e.preventDefault()
                return
              }
              const undoKey = (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z'
              if (undoKey && undoUntouchedNewShot(editor, shape.id, e.currentTarget.value)) {
                e.stopPropagation()
                e.preventDefault()
                return
              }
              // Tab goes on to what the shot's action is, in the inspector (where there is one).
              if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
                const action = editor.getContainer().ownerDocument.querySelector<HTMLTextAreaElement>('[data-shot-field="action"]')
                if (action) {
                  e.stopPropagation()
                  e.preventDefault()
                  editor.setEditingShape(null)
                  action.focus()
                  return
                }
              }
              if (e.key === 'Enter' || e.key === 'Escape') {
                e.stopPropagation()
                // Nor the key's default action: with the keyboard given back to a strip card
                // below, Chromium would take Enter as a click on the card (which hands the
                // keyboard to the canvas).
                e.preventDefault()
                editor.setEditingShape(null)
                // Back to where the rename was started from (a strip card), else to the canvas with the
                // shot still selected; never the page's body, where the next arrow key or shortcut did nothing.
                if (!titleEditEnded(editor, shape.id, true)) focusCanvas(editor)
              }
            }}
          />
        ) : greeked ? (
          <span className="shot-panel__title shot-panel__greek" data-testid="shot-title" />
        ) : (
          // Cut short with an ellipsis when long: the tooltip has it whole, and on a touch screen the shot
          // selected (its text, for screen readers, is whole anyway).
          <span className="shot-panel__title" data-testid="shot-title" data-empty={title ? undefined : ''} title={shotTitleText(title)}>
            <ShotTitle title={title} />
          </span>
        )}
        {/* Who draws it; too small to read while greeked. */}
        {assigneeId !== null && header.assignee && !greeked && <AssigneeBadge editor={editor} assigneeId={assigneeId} />}
        {reviewed && <ShotReviewBadge summary={reviewed} form={header.review} />}
        {shape.props.sound && header.sound && !greeked && <ShotSoundMark sound={shape.props.sound} />}
        <span className={greeked ? 'shot-panel__duration shot-panel__greek' : 'shot-panel__duration'} data-testid="shot-duration">
          {greeked ? null : runtime}
        </span>
      </div>
      {/* An empty frame shows its aspect from CSS (data-aspect), so the generation overlay can share the frame's one grid cell with it. */}
      <div className="shot-panel__frame" data-aspect={media ? undefined : aspect} style={{ width: frame.width, height: frame.height }}>
        {/* The shot before, faint under the sketch: only in a frame without a picture, never exported, nor greeked. */}
        {!media && !exporting && !greeked && <LightTableUnderlay shotId={shape.id} />}
        {/* An active take the server refuses (damaged or oversized), or whose file cannot be loaded
            (missing, the server unreachable), is marked, never a broken picture. */}
        {picture.unreadable || picture.failed ? (
          // Compact: a new shot's frame is about 100 px wide; the whole sentence is its tooltip.
          <UnreadablePicture
            className="shot-panel__media"
            compact
            unavailable={picture.failed}
            action={
              !exporting &&
              !greeked && (
                <button type="button" className="unreadable-picture__action" onPointerDown={(e) => e.stopPropagation()} onClick={() => showTakesOf(editor, shape.id)}>
                  Show takes
                </button>
              )
            }
          />
        ) : media?.kind === 'image' ? (
          <img className="shot-panel__media" src={media.src} alt={title} draggable={false} {...picture.pictureProps(reframed)} />
        ) : media?.kind === 'video' ? (
          <video className="shot-panel__media" src={media.src} muted playsInline autoPlay loop {...picture.pictureProps(reframed)} />
        ) : null}
        {reframing && !exporting && <ReframeSurface editor={editor} shotId={shape.id} framing={pictureFraming} />}
        {/* Over the picture, under a generation's status; never in an export, nor while greeked (too small to read). */}
        {!exporting && !greeked && <FrameGuideOverlay width={frame.width} height={frame.height} />}
        <ShotGenerationOverlay shape={shape} />
      </div>
      <div className="shot-panel__camera" style={{ height: SHOT_CAMERA_HEIGHT }}>
        {greeked ? <span className="shot-panel__camera-line shot-panel__greek" /> : <span className="shot-panel__camera-line">{cameraLine(camera)}</span>}
        <span className="shot-panel__status" data-status={status}>
          {greeked ? null : entryOf(SHOT_STATUSES, status).label}
        </span>
      </div>
      <div className="shot-panel__text" style={{ height: SHOT_TEXT_HEIGHT }}>
        {greeked ? (
          <>
            <GreekLines className="shot-panel__action" text={action} width={textWidth} lines={lines.action} />
            <GreekLines className="shot-panel__dialogue" text={dialogue} width={textWidth} lines={lines.dialogue} />
          </>
        ) : (
          <>
            {action && (
              <p className="shot-panel__action" style={{ WebkitLineClamp: lines.action }}>
                {action}
              </p>
            )}
            {dialogue && (
              <p className="shot-panel__dialogue" style={{ WebkitLineClamp: lines.dialogue }}>
                {dialogue}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  )
}

/**
 * tldraw starts editing on a double-click's second pointerdown (its `double_click` 'down'
 * phase). The browser's default action for that press's mousedown, which comes next, focuses
 * the nearest focusable ancestor — tldraw's container — taking the keyboard from the title just
 * focused, so keys typed at once went to the canvas. That mousedown is kept from moving focus
 * until the press ends. Returns the cleanup.
 */
function keepFocusThroughPress(document: Document): () => void {
  const keepFocus = (event: MouseEvent) => event.preventDefault()
  const end = () => {
    document.removeEventListener('mousedown', keepFocus, true)
    document.removeEventListener('pointerup', end, true)
  }
  document.addEventListener('mousedown', keepFocus, true)
  document.addEventListener('pointerup', end, true)
  return end
}

/** A paragraph greeked: one grey bar per line of it the panel shows. */
function GreekLines({ className, text, width, lines }: { className: string; text: string; width: number; lines: number }) {
  return greekBars(text, width, lines).map((percent, i) => <div key={i} className={`${className} shot-panel__greek`} style={{ width: `${percent}%` }} />)
}
