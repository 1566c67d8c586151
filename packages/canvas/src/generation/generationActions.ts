import type { Editor, TLUiActionItem, TLUiOverrideHelpers } from 'tldraw'
import { openGenerationForm } from './openGenerationForm'
import { selectedShotIds } from './shotDrafts'

/** The generate action: Shift+G (unused by tldraw 5.4.2), the context menu, the inspector. */
export const GENERATE_ACTION_ID = 'storyloom.generate'

/** Labels for tldraw's translations. */
export const GENERATION_TRANSLATIONS: Record<string, string> = {
  [GENERATE_ACTION_ID]: 'Generate…',
}

/** The generation actions, keyed by id, for `overrides.actions`. */
export function generationActions(editor: Editor, helpers: TLUiOverrideHelpers): Record<string, TLUiActionItem> {
  return {
    [GENERATE_ACTION_ID]: {
      id: GENERATE_ACTION_ID,
      label: GENERATE_ACTION_ID,
      kbd: 'shift+g',
      onSelect: () => {
        const shotIds = selectedShotIds(editor)
        if (shotIds.length === 0) {
          helpers.addToast({ title: 'Select one or more shots to generate', severity: 'info' })
          return
        }
        openGenerationForm(helpers.addDialog, { shotIds })
      },
    },
  }
}
