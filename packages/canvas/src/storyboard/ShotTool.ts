import { StateNode, createShapeId } from 'tldraw'
import { newShotOrder } from '@storyloom/shared/storyboard/boardSequence'
import { BOARD_SETTINGS_ID } from '@storyloom/shared/storyboard/boardSettingsRecord'
import type { SceneId } from '@storyloom/shared/storyboard/sceneRecord'
import { DEFAULT_SHOT_WIDTH, defaultShotProps, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotPanelHeight } from './shotLayout'

/** The shot tool's id, also its toolbar item's id (`tools.shot` in tests). */
export const SHOT_TOOL_ID = 'shot'

/**
 * Click to place a new shot: centred where clicked, numbered after the last shot of the
 * board's sequence, in the board's default aspect ratio. Then back to the select tool with
 * the new shot selected, ready for the inspector.
 */
export class ShotTool extends StateNode {
  static override id = SHOT_TOOL_ID

  override onEnter() {
    this.editor.setCursor({ type: 'cross', rotation: 0 })
  }

  override onPointerDown() {
    const editor = this.editor
    const point = editor.inputs.getCurrentPagePoint()
    const aspect = editor.store.get(BOARD_SETTINGS_ID)?.defaultAspect ?? '16:9'
    const w = DEFAULT_SHOT_WIDTH
    const h = shotPanelHeight(w, aspect)
    // "After the last shot", whatever is selected: placing by click is not "insert after".
    const { sceneId, order } = newShotOrder(editor.store.allRecords(), null)
    const id = createShapeId()
    editor.markHistoryStoppingPoint('create shot')
    editor.createShape<TLShotShape>({
      id,
      type: 'shot',
      x: point.x - w / 2,
      y: point.y - h / 2,
      props: { ...defaultShotProps(), w, h, aspect, sceneId: sceneId as SceneId | null, order },
    })
    editor.select(id)
    editor.setCurrentTool('select')
  }

  override onCancel() {
    this.editor.setCurrentTool('select')
  }
}
