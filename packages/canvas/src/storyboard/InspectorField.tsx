import type { ReactNode } from 'react'

/**
 * A labelled field of the shot inspector. Its message (what is wrong) or else its hint (what the
 * value means), when there is one, sits outside the <label>: inside, it became part of the field's
 * name; `messageId` lets the field point at it (aria-describedby), so a screen reader reads it as a
 * description after the name.
 */
export function InspectorField({
  label,
  children,
  message,
  hint,
  messageId,
}: {
  label: string
  children: ReactNode
  message?: string | undefined
  hint?: string | undefined
  messageId?: string
}) {
  return (
    <div className="shot-inspector__field">
      <label className="shot-inspector__control">
        <span className="shot-inspector__label">{label}</span>
        {children}
      </label>
      {message ? (
        <span id={messageId} className="shot-inspector__error" role="alert">
          {message}
        </span>
      ) : (
        hint && (
          <span id={messageId} className="shot-inspector__hint">
            {hint}
          </span>
        )
      )}
    </div>
  )
}
