import type { ShotsFor } from './printOptions'
import type { PrintAssignee } from './shotsFor'

/** The select's values for Everyone and Nobody: no account id has a colon. */
const EVERYONE = 'everyone:'
const NOBODY = 'nobody:'

function valueOf(shotsFor: ShotsFor): string {
  if (shotsFor.kind === 'everyone') return EVERYONE
  return shotsFor.kind === 'nobody' ? NOBODY : shotsFor.accountId
}

function shotsForOf(value: string): ShotsFor {
  if (value === EVERYONE) return { kind: 'everyone' }
  return value === NOBODY ? { kind: 'nobody' } : { kind: 'person', accountId: value }
}

type ShotsForFieldProps = {
  /** The people with shots on the board, by name. */
  assignees: readonly PrintAssignee[]
  value: ShotsFor
  onChange(shotsFor: ShotsFor): void
}

/**
 * The print toolbar's **Shots for**: Everyone, each person with shots assigned on the board, or
 * Nobody (the shots no one draws yet), so an art director can print each artist their pages.
 */
export function ShotsForField({ assignees, value, onChange }: ShotsForFieldProps) {
  return (
    <label className="print-toolbar__field">
      Shots for
      <select value={valueOf(value)} onChange={(e) => onChange(shotsForOf(e.target.value))}>
        <option value={EVERYONE}>Everyone</option>
        {assignees.map(({ accountId, name }) => (
          <option key={accountId} value={accountId} dir="auto">
            {name}
          </option>
        ))}
        <option value={NOBODY}>Nobody (unassigned)</option>
      </select>
    </label>
  )
}
