import { useCallback } from 'react'
import { useDialogs, type TLUiDialogsContextType } from 'tldraw'
import { GenerationDialog } from './GenerationDialog'
import type { GenerationFormRequest } from './generationFormRequest'

/** The dialog id: opening the form again replaces the open one instead of stacking a second. */
const GENERATION_DIALOG_ID = 'storyloom-generation-form'

/**
 * Opens the generation form for `request.shotIds` — the one entry point for Shift+G, the
 * context menu, the shot inspector and the version panel's "Iterate from here".
 */
export function openGenerationForm(addDialog: TLUiDialogsContextType['addDialog'], request: GenerationFormRequest): void {
  addDialog({
    id: GENERATION_DIALOG_ID,
    component: ({ onClose }) => <GenerationDialog onClose={onClose} request={request} />,
  })
}

/** {@link openGenerationForm} for components inside the board UI. */
export function useOpenGenerationForm(): (request: GenerationFormRequest) => void {
  const { addDialog } = useDialogs()
  return useCallback((request: GenerationFormRequest) => openGenerationForm(addDialog, request), [addDialog])
}
