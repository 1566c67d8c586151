import { Link } from 'wouter'
import { PANELS_PER_ROW, PRINT_FIELDS, type Orientation, type PanelsPerRow, type PrintOptions } from './printOptions'
import type { PrintAssignee } from './shotsFor'
import { ShotsForField } from './ShotsForField'

/** The toolbar's link away from the print view: back to the board, or to the review it came from. */
export type PrintWayBack = { href: string; label: string }

type PrintToolbarProps = {
  back: PrintWayBack
  options: PrintOptions
  /** The people "Shots for" offers; null offers neither it nor "Assigned to" (see assigneeChoices). */
  assignees: readonly PrintAssignee[] | null
  onOptions(options: PrintOptions): void
  onPrint(): void
  /** Pictures still loading while a print waits for them; null when no print is waiting. */
  waitingFor: number | null
}

/** The bar over the printed storyboard (never printed): the way back, the layout and fields, whose shots, and Print. */
export function PrintToolbar({ back, options, assignees, onOptions, onPrint, waitingFor }: PrintToolbarProps) {
  const toggleField = (id: (typeof PRINT_FIELDS)[number]['id'], on: boolean) => {
    const fields = new Set(options.fields)
    if (on) fields.add(id)
    else fields.delete(id)
    onOptions({ ...options, fields })
  }
  return (
    <div className="print-toolbar" role="toolbar" aria-label="Print options">
      <Link href={back.href} className="button button--quiet">
        {back.label}
      </Link>
      <label className="print-toolbar__field">
        Panels per row
        <select value={options.perRow} onChange={(e) => onOptions({ ...options, perRow: Number(e.target.value) as PanelsPerRow })}>
          {PANELS_PER_ROW.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="print-toolbar__field">
        Pages
        <select value={options.orientation} onChange={(e) => onOptions({ ...options, orientation: e.target.value as Orientation })}>
          <option value="landscape">Landscape</option>
          <option value="portrait">Portrait</option>
        </select>
      </label>
      <fieldset className="print-toolbar__fields">
        <legend>Show</legend>
        {PRINT_FIELDS.filter(({ id }) => id !== 'assignee' || assignees !== null).map(({ id, label }) => (
          <label key={id}>
            <input type="checkbox" checked={options.fields.has(id)} onChange={(e) => toggleField(id, e.target.checked)} />
            {label}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={options.arrows} onChange={(e) => onOptions({ ...options, arrows: e.target.checked })} />
          Motion arrows
        </label>
      </fieldset>
      {assignees !== null && <ShotsForField assignees={assignees} value={options.shotsFor} onChange={(shotsFor) => onOptions({ ...options, shotsFor })} />}
      <label className="print-toolbar__check">
        <input type="checkbox" checked={options.scenePerPage} onChange={(e) => onOptions({ ...options, scenePerPage: e.target.checked })} />
        Each scene on a new page
      </label>
      <span className="print-toolbar__status" role="status">
        {!!waitingFor && `Loading ${waitingFor} ${waitingFor === 1 ? 'picture' : 'pictures'}…`}
      </span>
      <button type="button" className="button button--primary" onClick={onPrint} disabled={waitingFor !== null}>
        Print…
      </button>
    </div>
  )
}
