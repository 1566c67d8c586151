import { useMemo, useRef } from 'react'
import type { Editor } from 'tldraw'
import { MAX_TITLE_LENGTH } from '@storyloom/shared/storyboard/limits'
import { useCaretKeptThroughOthersEdits } from '../useCaretKeptThroughOthersEdits'
import { TypingUndoSteps, historyKey } from '../typingUndoSteps'
import { usePassingNotice } from './usePassingNotice'

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
 * A one-line scene field. Typing undoes in steps as in the shot inspector (`TypingUndoSteps`:
 * a pause or a turn from typing to deleting ends one), and a value longer than the board
 * accepts is refused here with a message instead of being cut. A Ctrl+Z or Ctrl+Y that changes
 * nothing says so beside the field, in the inspector's words (no tldraw toasts in the strip).
 */
export function SceneTextField({ editor, sceneId, label, value, placeholder, onChange, autoFocus, onEnter }: SceneTextFieldProps) {
  const atLimit = value.length >= MAX_TITLE_LENGTH
  const field = useRef<HTMLInputElement>(null)
  useCaretKeptThroughOthersEdits(field, value, sceneId)
  const steps = useMemo(() => new TypingUndoSteps(editor), [editor])
  const notice = usePassingNotice()
  // The notices sit beside the label, not in it: in it, they would become part of the field's name.
  return (
    <div className="scene-editor__text-field">
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
            steps.focus()
          }}
          onBlur={notice.clear}
          onChange={(e) => {
            steps.beforeChange(e.currentTarget.value, value, e.timeStamp)
            onChange(e.currentTarget.value)
          }}
          onKeyDown={(e) => {
            // The field's own Ctrl+Z / Ctrl+Y is the board's undo of the steps typed here since the
            // field got focus, for everyone (the browser's own undo of a field React writes to did one
            // character at most, or nothing).
            const step = historyKey(e)
            if (step) {
              e.preventDefault()
              e.stopPropagation()
              const said = steps.press(step)
              if (said) notice.show(said.title)
              else notice.clear()
              return
            }
            notice.clear()
            // Not while an input method composes (Enter there picks the characters).
            if (e.key !== 'Enter' || e.nativeEvent.isComposing || !onEnter) return
            e.preventDefault()
            onEnter()
          }}
        />
      </label>
      {/* In the page before any notice, so screen readers announce what appears in it. */}
      <span className="scene-editor__status" role="status" aria-live="polite">
        {notice.text}
      </span>
      {atLimit && (
        <span className="scene-editor__error" role="alert">
          {label} can be at most {MAX_TITLE_LENGTH} characters.
        </span>
      )}
    </div>
  )
}
