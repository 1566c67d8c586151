import { DefaultStylePanel, useEditor, useValue, type TLUiStylePanelProps } from 'tldraw'
import type { TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { ShotInspector } from './ShotInspector'
import { SeveralShotsInspector } from './assignee/SeveralShotsInspector'
import { shotNumbersOf } from './shotNumbers'
import { MOTION_TOOL_ID } from './motion/MotionTool'
import { MotionInspector } from './motion/MotionInspector'
import { MotionToolPanel } from './motion/MotionToolPanel'

/** Storyboard shapes with no tldraw styles (their inspectors edit them). */
const WITHOUT_STYLES = new Set(['shot', 'motion'])

/**
 * The right-hand panel: the camera-move palette while that tool is active, the shot inspector
 * when exactly one shot is selected, the motion inspector for one camera move, else tldraw's
 * styles while they are relevant: with shapes selected or a drawing tool on. With nothing
 * selected tldraw would show the next shape's styles, over the top right of the board, where it
 * hid the right-most shot's "Built-in model" tag and take badges at 1440×900; a director looking
 * at the board has no use for them there, and picking a drawing tool brings them back. Several
 * shots or camera moves have no styles either: tldraw showed its opacity slider alone, unlabelled
 * on screen, for a setting one shot's inspector does not offer.
 */
export function StoryboardStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const isMotionTool = useValue('camera-move tool active', () => editor.getCurrentToolId() === MOTION_TOOL_ID, [editor])
  const shot = useValue(
    'selected shot',
    () => {
      const only = editor.getOnlySelectedShape()
      return only && editor.isShapeOfType(only, 'shot') ? (only as TLShotShape) : null
    },
    [editor],
  )
  const motion = useValue(
    'selected camera move',
    () => {
      const only = editor.getOnlySelectedShape()
      return only && editor.isShapeOfType(only, 'motion') ? (only as TLMotionShape) : null
    },
    [editor],
  )
  const number = useValue('selected shot number', () => (shot ? (shotNumbersOf(editor).get().get(shot.id) ?? '') : ''), [
    editor,
    shot?.id,
  ])
  // tldraw's own selected-shapes array: a new one only when the selection or a selected shape changes.
  const severalShots = useValue(
    'selected shots',
    () => {
      const selected = editor.getSelectedShapes()
      return selected.length > 1 && selected.every((s) => s.type === 'shot') ? (selected as TLShotShape[]) : null
    },
    [editor],
  )
  const stylesRelevant = useValue(
    'styles relevant',
    () => editor.getSelectedShapes().some((s) => !WITHOUT_STYLES.has(s.type)) || !!editor.root.getCurrent()?.shapeType,
    [editor],
  )
  if (isMotionTool) return <MotionToolPanel />
  if (motion) return <MotionInspector key={motion.id} shape={motion} />
  if (severalShots) return <SeveralShotsInspector shots={severalShots} />
  if (!shot) return stylesRelevant ? <DefaultStylePanel {...props} /> : null
  return <ShotInspector key={shot.id} shape={shot} number={number} />
}
