import { useEffect, useId, useState, type RefObject } from 'react'
import { describedByProblem } from '../app/describedByProblem'
import { InspectorField } from './InspectorField'
import type { Parsed } from './shotFieldParsing'

/**
 * A number typed as text: written to the shot only when it parses to a value the board
 * accepts; otherwise the field keeps what was typed and says what is wrong. A `hint` under it
 * says what the value means while nothing is wrong.
 */
export function InspectorNumberField<T extends number | null>({
  label,
  value,
  parse,
  onValid,
  placeholder,
  list,
  hint,
  inputRef,
  describedBy,
  readOnly = false,
}: {
  label: string
  value: T
  parse: (text: string) => Parsed<T>
  onValid: (value: T) => void
  placeholder?: string
  list?: string
  hint?: string
  inputRef?: RefObject<HTMLInputElement | null>
  /** The id of a note about the value (not a problem with it), read after the field's name. */
  describedBy?: string | undefined
  /** Shown, not changed (a viewer's inspector). */
  readOnly?: boolean
}) {
  const shown = value === null ? '' : String(value)
  const [draft, setDraft] = useState(shown)
  const [message, setMessage] = useState<string | undefined>()
  const messageId = useId()
  // Someone else (or undo) changed the value: show it, unless the draft already means it.
  useEffect(() => {
    setDraft((current) => {
      const parsed = parse(current)
      return parsed.ok && parsed.value === value ? current : shown
    })
    setMessage(undefined)
  }, [value, shown, parse])

  return (
    <InspectorField label={label} message={message} hint={hint} messageId={messageId}>
      <input
        ref={inputRef}
        inputMode="decimal"
        readOnly={readOnly}
        value={draft}
        placeholder={placeholder}
        list={list}
        {...withDescription(message ? describedByProblem(message, messageId) : hint ? { 'aria-describedby': messageId } : {}, describedBy)}
        onChange={(e) => {
          const text = e.currentTarget.value
          setDraft(text)
          const parsed = parse(text)
          if (parsed.ok) {
            setMessage(undefined)
            if (parsed.value !== value) onValid(parsed.value)
          } else {
            setMessage(parsed.message)
          }
        }}
        onBlur={() => {
          // Leaving an impossible value: go back to what the shot really has.
          if (!parse(draft).ok) {
            setDraft(shown)
            setMessage(undefined)
          }
        }}
      />
    </InspectorField>
  )
}

/** The field's attributes with `describedBy` added to what describes it, after any problem. */
function withDescription<A extends { 'aria-describedby'?: string }>(attributes: A, describedBy: string | undefined): A {
  if (!describedBy) return attributes
  return { ...attributes, 'aria-describedby': [attributes['aria-describedby'], describedBy].filter(Boolean).join(' ') }
}
