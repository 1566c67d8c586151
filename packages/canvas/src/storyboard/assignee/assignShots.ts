import type { Editor, TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'

/**
 * Assigns the shots `shotIds` to the member `assigneeId` (null: nobody), in one undo step for
 * all of them, live for everyone. Shots already assigned so are left alone.
 */
export function assignShots(editor: Editor, shotIds: readonly TLShapeId[], assigneeId: string | null): void {
  const changed = shotIds.flatMap((id) => {
    const shot = editor.getShape<TLShotShape>(id)
    return shot?.type === 'shot' && shot.props.assigneeId !== assigneeId ? [{ id, type: 'shot' as const, props: { assigneeId } }] : []
  })
  if (changed.length === 0) return
  editor.markHistoryStoppingPoint('assign shots')
  editor.run(() => editor.updateShapes<TLShotShape>(changed))
}
