import { useEffect, useRef } from 'react'
import { useEditor } from 'tldraw'
import type { TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import { REFERENCE_ROLES, type ReferenceRole } from '@storyloom/shared/storyboard/vocabulary'
import { setReferenceRole } from './shotReferences'

/** How a role menu opened on demand behaves (see ReferenceRoleTag). */
export interface OnDemandMenu {
  /** Show the options at once (opened by a click), or only take focus (opened from the keyboard, where Enter, Space or ↑↓ go on from there). */
  showOptions: boolean
  /** Called once a role is picked or Escape is pressed (`refocus`: focus goes back to what opened the menu), or when it loses focus. */
  onClose: (refocus: boolean) => void
}

/**
 * A reference's role on one shot, as a tag that is also a menu: one click opens the roles, a
 * second picks one. Synced and undoable like any edit. With `onDemand`, it is focused as it
 * mounts and asks to be closed when done.
 */
export function ReferenceRoleSelect({ binding, className, onDemand }: { binding: TLReferenceBinding; className?: string; onDemand?: OnDemandMenu }) {
  const editor = useEditor()
  const select = useRef<HTMLSelectElement>(null)
  const showOptions = onDemand?.showOptions
  const onClose = onDemand?.onClose
  useEffect(() => {
    if (showOptions === undefined) return
    select.current?.focus()
    if (!showOptions) return
    try {
      // Allowed during the click that mounted it (transient activation).
      select.current?.showPicker()
    } catch {
      // NotAllowedError / NotSupportedError: it is focused, and a second click opens it.
    }
  }, [showOptions])
  return (
    <select
      ref={select}
      className={`reference-role ${className ?? ''}`}
      data-role={binding.props.role}
      aria-label="Reference role"
      value={binding.props.role}
      // The canvas must not take a press on the tag as the start of a selection or drag.
      onPointerDown={(e) => e.stopPropagation()}
      onChange={(e) => {
        editor.markHistoryStoppingPoint('change reference role')
        setReferenceRole(editor, binding, e.currentTarget.value as ReferenceRole)
        onClose?.(true)
      }}
      onBlur={() => onClose?.(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onClose) {
          e.stopPropagation()
          onClose(true)
        }
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
