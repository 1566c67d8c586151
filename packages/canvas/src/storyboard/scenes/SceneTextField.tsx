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
}

/**
 * A one-line scene field. Everything typed between focus and blur is one undo step, and a
 * value longer than the board accepts is refused here with a message instead of being cut.
 */
export function SceneTextField({ editor, label, value, placeholder, onChange, autoFocus }: SceneTextFieldProps) {
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
      />
      {atLimit && (
        <span className="scene-editor__error" role="alert">
          {label} can be at most {MAX_TITLE_LENGTH} characters.
        </span>
      )}
    </label>
  )
}
