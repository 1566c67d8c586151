import type { ComponentType } from 'react'
import { TldrawUiMenuItem, useDialogs, useEditor, type TLStore } from 'tldraw'
import { useBoardSession } from '../board/BoardSessionContext'
import { useBoardName } from '../board/useBoardName'
import { ExportDialog } from './ExportDialog'

/** What an export's panel is given (AnimaticExportPanel, EditExportPanel). */
export interface ExportPanelProps {
  store: TLStore
  /** The board's name, for the files'; undefined while unknown. */
  boardName: string | undefined
  mediaUrl(src: string): string
  onClose(): void
  /** The shapes selected on the canvas when the dialog opened: offered as the Selected shots. */
  selectedShotIds?: readonly string[]
  /** Opened from Present: the shot on screen then (null: none), whose scene is offered. */
  presentedShotId?: string | null
}

/** A main-menu item opening an export's dialog (`title`) around its `Panel`, for viewers too. */
export function ExportMenuItem({ id, label, title, Panel }: { id: string; label: string; title: string; Panel: ComponentType<ExportPanelProps> }) {
  const editor = useEditor()
  const session = useBoardSession()
  const name = useBoardName(session)
  const { addDialog } = useDialogs()
  return (
    <TldrawUiMenuItem
      id={id}
      label={label}
      readonlyOk
      onSelect={() => {
        const selectedShotIds = editor.getSelectedShapeIds()
        addDialog({
          id,
          component: ({ onClose }) => (
            <ExportDialog title={title} onClose={onClose}>
              <Panel store={editor.store} boardName={name} mediaUrl={(src) => src} onClose={onClose} selectedShotIds={selectedShotIds} />
            </ExportDialog>
          ),
        })
      }}
    />
  )
}
