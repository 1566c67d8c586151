import type { TLUiActionItem } from 'tldraw'
import { toggleLightTable } from './lightTableSetting'

/**
 * "Light table" on / off: Alt+Shift+L. Storyboard Pro and Harmony toggle theirs with Shift+L,
 * which tldraw 5.4.2 uses to lock shapes; Alt+Shift+L is free in tldraw and in the browsers.
 * Works for viewers too (it is this person's view only).
 */
export const LIGHT_TABLE_ACTION_ID = 'storyboard.light-table'

/** The key as `aria-keyshortcuts` spells it (tldraw's `kbd` is 'alt+shift+l'). */
export const LIGHT_TABLE_ARIA_KEYS = 'Alt+Shift+L'

/** The action's label, as a tldraw translation. */
export const LIGHT_TABLE_TRANSLATIONS: Record<string, string> = {
  [LIGHT_TABLE_ACTION_ID]: 'Light table: the shot before, faint in each frame',
}

/** The action item, keyed by id, for `overrides.actions`. */
export function lightTableActions(): Record<string, TLUiActionItem> {
  return {
    [LIGHT_TABLE_ACTION_ID]: {
      id: LIGHT_TABLE_ACTION_ID,
      label: LIGHT_TABLE_ACTION_ID,
      kbd: 'alt+shift+l',
      readonlyOk: true,
      onSelect: () => toggleLightTable(),
    },
  }
}
