import { useEffect, useRef, useState } from 'react'
import type { TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import { REFERENCE_ROLES, entryOf } from '@storyloom/shared/storyboard/vocabulary'
import { ReferenceRoleSelect } from './ReferenceRoleSelect'

/** Keys that open the menu from the tag (as on a focused `<select>`). */
const OPEN_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'ArrowUp'])

/** A `<select>` is as wide as its widest option; the tag keeps that width (see references.css). */
const WIDEST_LABEL = REFERENCE_ROLES.reduce((widest, r) => (r.label.length > widest.length ? r.label : widest), '')

/**
 * A reference's role tag on the canvas: a label that looks like the role menu and becomes the
 * real menu (a `<select>`) when clicked (opened at once) or opened from the keyboard (focused),
 * then a label again once a role is picked or it loses focus. A board of 500 shots shows dozens
 * of tags at a time, and a `<select>` each cost ~0.7 ms of the renderer's main thread per camera
 * frame while panning (a form control is a clipped box of its own to paint and layerize); a
 * label costs its text.
 */
export function ReferenceRoleTag({ binding }: { binding: TLReferenceBinding }) {
  // How the menu was opened: a click shows the options at once, a key only focuses it.
  const [open, setOpen] = useState<false | 'click' | 'key'>(false)
  const [refocus, setRefocus] = useState(false)
  const tag = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    if (open || !refocus) return
    tag.current?.focus()
    setRefocus(false)
  }, [open, refocus])

  if (open) {
    return (
      <ReferenceRoleSelect
        binding={binding}
        onDemand={{
          showOptions: open === 'click',
          onClose: (back) => {
            setOpen(false)
            setRefocus(back)
          },
        }}
      />
    )
  }
  const label = entryOf(REFERENCE_ROLES, binding.props.role).label
  return (
    <span
      ref={tag}
      className="reference-role reference-role--label"
      data-role={binding.props.role}
      data-widest={WIDEST_LABEL}
      role="button"
      tabIndex={0}
      aria-haspopup="listbox"
      aria-label={`Reference role: ${label}`}
      // The canvas must not take a press on the tag as the start of a selection or drag.
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => setOpen('click')}
      // In the capture phase: tldraw listens on its container, below React's root, and would
      // take Enter (edit the selected shape), Space (pan) and the arrows (nudge) first.
      onKeyDownCapture={(e) => {
        if (!OPEN_KEYS.has(e.key)) return
        e.stopPropagation()
        e.preventDefault()
        setOpen('key')
      }}
    >
      {label}
    </span>
  )
}
