import { speedLabel, type MotionPoint, type MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import { CAMERA_MOVEMENTS } from '@storyloom/shared/storyboard/vocabulary'
import { stackedLabelPosition } from './cornerLabels'
import { clearOfCornerLabels, fitLabelText, labelBoxAt, labelWidth, type LabelBox } from './labelFit'
import { CORNER_LABEL } from './motionArt'
import { motionDrawing } from './motionDrawing'

/**
 * Where the labels of a shot's motion annotations go, from the annotations alone (no editor):
 * the canvas (MotionShapeUtil) and the printed storyboard place them with the same code.
 */

/** A motion annotation as its drawing needs it: its id and props (a `motion` shape, or its record). */
export interface MotionAnnotation {
  readonly id: string
  readonly props: MotionShapeProps
}

/** A motion label as drawn: its text fitted to the frame, the full text, baseline and box. */
export interface MotionLabel {
  readonly id: string
  readonly text: string
  readonly full: string
  readonly at: MotionPoint
  readonly box: LabelBox
}

/** The label of a motion kind: the camera movement's label, or "Subject". */
export function motionKindLabel(kind: MotionShapeProps['kind']): string {
  return kind === 'subject' ? 'Subject' : (CAMERA_MOVEMENTS.find((m) => m.id === kind)?.label ?? kind)
}

/** "PAN · MEDIUM": an annotation's label text, whole. */
export function motionLabelText(props: MotionShapeProps): string {
  return `${motionKindLabel(props.kind)} · ${speedLabel(props.speed)}`.toUpperCase()
}

const hasCornerLabel = (m: MotionAnnotation) => motionDrawing(m.props).art.cornerLabel

/**
 * The labels that `shape` stands for on a shot whose annotations are `annotations` (drawing
 * order), each with its baseline and box, shortened with an ellipsis to end inside the frame
 * (`full` is the whole text): a subject path's own, moved off the shot's camera-move labels; a
 * camera move's in the frame's corner, stacked below the shot's earlier moves' labels (`slot` 0
 * is the corner).
 */
export function annotationLabels(shape: MotionAnnotation, annotations: readonly MotionAnnotation[]): MotionLabel[] {
  const { art } = motionDrawing(shape.props)
  const { w, h } = shape.props
  const moves = annotations.filter(hasCornerLabel)
  const fitted = (m: MotionAnnotation, at: MotionPoint): MotionLabel => {
    const text = fitLabelText(motionLabelText(m.props), at.x, w)
    return { id: m.id, text, full: motionLabelText(m.props), at, box: labelBoxAt(at, labelWidth(text)) }
  }
  const stack = (): MotionLabel[] => {
    const columnWidth = Math.max(...moves.map((m) => labelWidth(fitLabelText(motionLabelText(m.props), CORNER_LABEL.x, w))))
    return moves.map((m, slot) => fitted(m, stackedLabelPosition(slot, h, columnWidth)))
  }
  if (art.cornerLabel) return stack()
  const own = motionLabelText(shape.props)
  const corner = moves.some((m) => m.id !== shape.id) ? stack().map((l) => l.box) : []
  const at = clearOfCornerLabels(art.label, labelWidth(fitLabelText(own, art.label.x, w)), corner, h)
  return [fitted(shape, at)]
}

/**
 * Every label on the shot of `annotations` (drawing order): the camera moves' corner stack,
 * then each subject path's own.
 */
export function shotMotionLabels(annotations: readonly MotionAnnotation[]): MotionLabel[] {
  const corner = annotations.find(hasCornerLabel)
  const paths = annotations.filter((m) => !hasCornerLabel(m))
  return [...(corner ? annotationLabels(corner, annotations) : []), ...paths.flatMap((m) => annotationLabels(m, annotations))]
}
