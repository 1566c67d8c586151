import { useRef } from 'react'
import type { Editor } from 'tldraw'
import { MAX_TITLE_LENGTH } from '@storyloom/shared/storyboard/limits'
import { useCaretKeptThroughOthersEdits } from '../useCaretKeptThroughOthersEdits'
import { historyKey } from '../typingUndoSteps'

/** Props of {@link SceneTextField}. */
export interface SceneTextFieldProps {
  readonly editor: Editor
  /** The scene whose field this is: another person's typing at the caret is ordered by its record. */
  readonly sceneId: string
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
export function SceneTextField({ editor, sceneId, label, value, placeholder, onChange, autoFocus, onEnter }: SceneTextFieldProps) {
  const atLimit = value.length >= MAX_TITLE_LENGTH
  const field = useRef<HTMLInputElement>(null)
  useCaretKeptThroughOthersEdits(field, value, sceneId)
  // Nothing typed since the field's last stopping point (focus, or an undo): Ctrl+Z does nothing more.
  const atMark = useRef(true)
  // After an undo or redo the next keystroke starts a new step (marking at once would drop the redo).
  const markOnType = useRef(false)
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
        onFocus={() => {
          editor.markHistoryStoppingPoint('edit scene')
          atMark.current = true
          markOnType.current = false
        }}
        onChange={(e) => {
          if (markOnType.current) editor.markHistoryStoppingPoint('edit scene')
          markOnType.current = false
          atMark.current = false
          onChange(e.currentTarget.value)
        }}
        onKeyDown={(e) => {
          // The field's own Ctrl+Z / Ctrl+Y is the board's undo, which takes back what was typed here
          // since the field got focus, in one step and for everyone (the browser's own undo of a
          // field React writes to did one character at most, or nothing).
          const step = historyKey(e)
          if (step) {
            e.preventDefault()
            e.stopPropagation()
            if (step === 'undo' ? atMark.current : !editor.getCanRedo()) return
            if (step === 'undo') editor.undo()
            else editor.redo()
            atMark.current = step === 'undo'
            markOnType.current = true
            return
          }
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
