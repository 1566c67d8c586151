import type { ReactNode } from 'react'
import type { ExportRunState } from './useExportRun'
import '../styles/dialog.css'

type ExportRunStepsProps<Progress, Result> = {
  state: ExportRunState<Progress, Result>
  /** What the status line says and how far the bar is, for the latest progress. */
  describeProgress(progress: Progress): { status: string; value: number; max: number }
  /** What the dialog says when the file has downloaded (its name, what went wrong with some shots). */
  describeResult(result: Result): ReactNode
  cancel(): void
  retry(): void
  onClose(): void
}

/**
 * An export dialog's steps after it starts (Export video, Export for editing): progress with
 * Cancel, then what was downloaded with Close, or why it failed with Try again. The keyboard goes
 * to each step's main button, as the one it was on goes away.
 */
export function ExportRunSteps<Progress, Result>({ state, describeProgress, describeResult, cancel, retry, onClose }: ExportRunStepsProps<Progress, Result>) {
  if (state.step === 'running') {
    const progress = state.progress && describeProgress(state.progress)
    return (
      <>
        <p role="status">{progress?.status ?? 'Starting…'}</p>
        <progress className="animatic-export__progress" aria-label="Export progress" max={progress?.max ?? 1} value={progress?.value ?? 0} />
        <div className="dialog-buttons">
          <button type="button" onClick={cancel} autoFocus>
            Cancel
          </button>
        </div>
      </>
    )
  }
  if (state.step === 'done') {
    return (
      <>
        {describeResult(state.result)}
        <div className="dialog-buttons">
          <button type="button" className="dialog-buttons__primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </>
    )
  }
  if (state.step === 'failed') {
    return (
      <>
        <p role="alert">{state.message}</p>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="dialog-buttons__primary" onClick={retry} autoFocus>
            Try again
          </button>
        </div>
      </>
    )
  }
  return null
}
