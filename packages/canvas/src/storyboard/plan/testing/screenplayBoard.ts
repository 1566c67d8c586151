import type { Editor } from 'tldraw'
import { findBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { screenplayToShotPlan } from '@storyloom/shared/storyboard/screenplay'
import type { ShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'

/** The plan of a Fountain `text` for `editor`'s board, its shots 320 × 180; throws when it is refused. */
export function planOf(editor: Editor, text: string): ShotPlan {
  const result = screenplayToShotPlan(text, { settings: findBoardSettings(editor.store.allRecords()), shotSize: { w: 320, h: 180 } })
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.plan
}

/** The shots on the board's current page. */
export const shotsOf = (editor: Editor) => editor.getCurrentPageShapes().filter((shape): shape is TLShotShape => shape.type === 'shot')

/** The shot on the page whose action is `action`; throws when there is none. */
export function shotWithAction(editor: Editor, action: string): TLShotShape {
  const shot = shotsOf(editor).find((s) => s.props.action === action)
  if (!shot) throw new Error(`No shot with the action "${action}"`)
  return shot
}
