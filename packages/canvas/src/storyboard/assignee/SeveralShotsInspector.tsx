import { useRef } from 'react'
import { useEditor, useValue } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardMembersOf } from '../../board/boardMembers'
import { AssigneeField, offersAssignee } from './AssigneeField'
import { useEscapeLeavesField } from '../useEscapeLeavesField'

/**
 * The right-hand panel for several selected shots: what can be set for all of them at once,
 * which is who draws them (an art director splitting a board among the artists). Nothing on a
 * board with no one to assign to.
 */
export function SeveralShotsInspector({ shots }: { shots: readonly TLShotShape[] }) {
  const editor = useEditor()
  const members = useValue('board members', () => boardMembersOf(editor).get(), [editor])
  // Esc in the picker gives the keys back to the canvas, the shots still selected (then Ctrl+Z undoes).
  const section = useRef<HTMLElement>(null)
  useEscapeLeavesField(editor, section)
  if (!offersAssignee(members, shots)) return null
  return (
    <section ref={section} className="shot-inspector floating-surface" aria-label="Selected shots" data-testid="several-shots-inspector">
      <header className="shot-inspector__header">
        <span className="shot-inspector__number">{shots.length} shots selected</span>
      </header>
      <AssigneeField shots={shots} />
    </section>
  )
}
