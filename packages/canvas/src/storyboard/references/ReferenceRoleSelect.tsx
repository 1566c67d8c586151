import { useEditor } from 'tldraw'
import type { TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import { REFERENCE_ROLES, type ReferenceRole } from '@storyloom/shared/storyboard/vocabulary'
import { setReferenceRole } from './shotReferences'

/**
 * A reference's role on one shot, as a tag that is also a menu: one click opens the roles, a
 * second picks one. Synced and undoable like any edit.
 */
export function ReferenceRoleSelect({ binding, className }: { binding: TLReferenceBinding; className?: string }) {
  const editor = useEditor()
  return (
    <select
      className={`reference-role ${className ?? ''}`}
      data-role={binding.props.role}
      aria-label="Reference role"
      value={binding.props.role}
      // The canvas must not take a press on the tag as the start of a selection or drag.
      onPointerDown={(e) => e.stopPropagation()}
      onChange={(e) => {
        editor.markHistoryStoppingPoint('change reference role')
        setReferenceRole(editor, binding, e.currentTarget.value as ReferenceRole)
      }}
    >
      {REFERENCE_ROLES.map((r) => (
        <option key={r.id} value={r.id}>
          {r.label}
        </option>
      ))}
    </select>
  )
}
