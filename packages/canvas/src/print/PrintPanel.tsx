import type { CSSProperties } from 'react'
import type { Editor } from 'tldraw'
import { formatRuntime } from '@storyloom/shared/storyboard/runtime'
import { aspectRatioValue, entryOf, TRANSITIONS } from '@storyloom/shared/storyboard/vocabulary'
import type { PresentationShot } from '../presentation/presentationShots'
import { ShotPicture } from '../presentation/ShotPicture'
import { cameraLine } from '../storyboard/cameraLine'
import type { MotionAnnotation } from '../storyboard/motion/shotMotionLabels'
import { PrintMotionArrows } from './PrintMotionArrows'
import type { PrintField } from './printOptions'
import { ShotTitle } from '../storyboard/ShotTitle'

type PrintPanelProps = {
  shot: PresentationShot
  fields: ReadonlySet<PrintField>
  /** Who draws it, as the canvas names them ("Ada", "Zoë (former member)"); null to print no "Assigned to". */
  assignee: string | null
  /** The motion annotations drawn over its frame (drawing order); empty to print none. */
  annotations: readonly MotionAnnotation[]
  /** Draws the sketch of a shot that has no image (see sketchEditor). */
  sketchEditor: Editor | null
  /** False while it is far off screen: its sketch is not drawn (see ShotSketch). */
  draw: boolean
  /** A picture's address as this page may load it (see PrintView). */
  mediaUrl(src: string): string
}

/**
 * One shot on the printed storyboard: number, title and duration over its frame — drawn in the
 * shot's aspect ratio, showing its image (the active take), else its sketch, else empty paper
 * to draw on — with the camera-move and subject arrows drawn on it over the frame, then its camera line, action and dialogue, and who it is assigned to. A shot that does not come in on a cut
 * says how first, as a screenplay does ("DISSOLVE TO:"). Texts typed in either direction read
 * in their own (`dir="auto"`).
 */
export function PrintPanel({ shot, fields, assignee, annotations, sketchEditor, draw, mediaUrl }: PrintPanelProps) {
  const frame = { '--aspect': aspectRatioValue(shot.aspect) } as CSSProperties
  const camera = fields.has('camera') ? cameraLine(shot.camera) : ''
  const action = fields.has('action') ? shot.action.trim() : ''
  const dialogue = fields.has('dialogue') ? shot.dialogue.trim() : ''
  return (
    <article className="print-panel" data-testid="print-panel" data-shot-id={shot.id} data-key={shot.id}>
      <div className="print-panel__head">
        {shot.transitionIn !== 'cut' && <span className="print-panel__transition">{transitionLine(shot)}</span>}
        <span className="print-panel__number">{shot.number}</span>
        <span className="print-panel__title"><ShotTitle title={shot.title} /></span>
        {fields.has('duration') && <span className="print-panel__duration">{formatRuntime(shot.seconds)}</span>}
      </div>
      {/* Notes follow their own frame: in a row of mixed aspect ratios they start under each frame, not under the tallest. */}
      <div className="print-panel__body">
        <div className="print-panel__frame" style={frame} data-aspect={shot.aspect}>
          <ShotPicture shot={shot} mediaUrl={mediaUrl} sketchEditor={sketchEditor} fallback={null} draw={draw} eager />
          {annotations.length > 0 && <PrintMotionArrows annotations={annotations} />}
        </div>
        {(camera || action || dialogue || assignee) && (
          <div className="print-panel__notes">
            {camera && <p className="print-panel__camera">{camera}</p>}
            {action && (
              <p className="print-panel__action" dir="auto">
                {action}
              </p>
            )}
            {dialogue && (
              <p className="print-panel__dialogue" dir="auto">
                {dialogue}
              </p>
            )}
            {assignee && (
              <p className="print-panel__assignee" data-testid="print-panel-assignee">
                Assigned to <bdi>{assignee}</bdi>
              </p>
            )}
          </div>
        )}
      </div>
    </article>
  )
}

/**
 * How a shot comes in, in the screenplay convention: "DISSOLVE TO:", "SMASH CUT TO:"; the first
 * shot fades in ("FADE IN:"), as a script opens.
 */
function transitionLine(shot: PresentationShot): string {
  if (shot.startSeconds === 0 && shot.transitionIn === 'fade') return 'FADE IN:'
  return `${entryOf(TRANSITIONS, shot.transitionIn).label.toUpperCase()} TO:`
}
