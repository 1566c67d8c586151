import { useRef } from 'react'
import type { Editor } from 'tldraw'
import { MAX_TITLE_LENGTH } from '@storyloom/shared/storyboard/limits'
import { useCaretKeptThroughOthersEdits } from '../useCaretKeptThroughOthersEdits'

/** Props of {@link SceneTextField}. */
export interface SceneTextFieldProps {
  readonly editor: Editor
  readonly label: string
  readonly value: string
  readonly placeholder: string
  readonly onChange: (value: string) => void
  readonly autoFocus?: boolean
  /** Enter: done with the field (the popover closes), as in a form. */
  readonly onEnter?: () => void
}

/**
 * A one-line scene field. Everything typed between focus and blur is one undo step, and a
 * value longer than the board accepts is refused here with a message instead of being cut.
 */
export function SceneTextField({ editor, label, value, placeholder, onChange, autoFocus, onEnter }: SceneTextFieldProps) {
  const atLimit = value.length >= MAX_TITLE_LENGTH
  const field = useRef<HTMLInputElement>(null)
  useCaretKeptThroughOthersEdits(field, value)
  return (
    <label className="scene-editor__field">
      <span>{label}</span>
      <input
        ref={field}
        value={value}
        placeholder={placeholder}
        maxLength={MAX_TITLE_LENGTH}
        autoFocus={autoFocus}
        aria-invalid={atLimit || undefined}
        onFocus={() => editor.markHistoryStoppingPoint('edit scene')}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Not while an input method composes (Enter there picks the characters).
          if (e.key !== 'Enter' || e.nativeEvent.isComposing || !onEnter) return
          e.preventDefault()
          onEnter()
        }}
      />
      {atLimit && (
        <span className="scene-editor__error" role="alert">
          {label} can be at most {MAX_TITLE_LENGTH} characters.
        </span>
      )}
    </label>
  )
}
