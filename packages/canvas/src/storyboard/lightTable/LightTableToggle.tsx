import { useLightTable } from './lightTableSetting'
import { LIGHT_TABLE_ARIA_KEYS } from './lightTableAction'

/**
 * The light table's on / off button in the strip's bar, beside the frame guides (the other aid
 * drawn in every frame). A toggle button rather than a setting's select: it is this person's
 * view on this device, not a board setting everyone shares, so viewers have it too.
 */
export function LightTableToggle() {
  const [on, setOn] = useLightTable()
  return (
    <button
      type="button"
      className="sequence-strip__button"
      aria-pressed={on}
      aria-keyshortcuts={LIGHT_TABLE_ARIA_KEYS}
      title="Light table: each empty or sketched frame shows the shot before it in its scene, faintly, to sketch in continuity (only for you, never printed or exported) · Alt+Shift+L"
      onClick={() => setOn(!on)}
    >
      Light table
    </button>
  )
}
