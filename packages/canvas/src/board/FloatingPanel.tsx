import type { ReactNode, Ref } from 'react'

type FloatingPanelProps = {
  /** The panel's own classes, next to `floating-panel` (e.g. `version-panel`). */
  className: string
  /** The toggle button's own classes, next to `floating-panel__toggle`. */
  toggleClassName: string
  /** What the toggle says. */
  label: ReactNode
  open: boolean
  /** The toggle was pressed; `open` is what the panel is to become. */
  onToggle(open: boolean): void
  /** The id of the panel body the toggle shows and hides (`aria-controls`). */
  controls?: string
  toggleTestId?: string
  /** The toggle button, e.g. to give it the focus back when the panel closes from the keyboard. */
  toggleRef?: Ref<HTMLButtonElement>
  /** Something is going on in the panel (styles may show it on the closed toggle). */
  busy?: boolean
  /** The panel body (render it only while `open`) and whatever else belongs to the panel. */
  children?: ReactNode
}

/**
 * One of the panels floating over the canvas's top-left corner (see `.floating-panels`): a
 * toggle button, and below it whatever the panel shows.
 */
export function FloatingPanel({ className, toggleClassName, label, open, onToggle, controls, toggleTestId, toggleRef, busy, children }: FloatingPanelProps) {
  return (
    <div className={`floating-panel ${className}`} data-open={open || undefined}>
      <button
        ref={toggleRef}
        type="button"
        className={`floating-panel__toggle floating-surface ${toggleClassName}`}
        aria-expanded={open}
        aria-controls={controls}
        data-testid={toggleTestId}
        data-busy={busy || undefined}
        onClick={() => onToggle(!open)}
      >
        {label}
      </button>
      {children}
    </div>
  )
}
