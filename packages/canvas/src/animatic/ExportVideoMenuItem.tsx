import { useRef } from 'react'
import { TldrawUiDialogBody, TldrawUiDialogCloseButton, TldrawUiDialogHeader, TldrawUiDialogTitle, TldrawUiMenuItem, useDialogs, useEditor, type TLStore } from 'tldraw'
import { useDialogKeyboard } from '../app/useDialogKeyboard'
import { useBoardSession } from '../board/BoardSessionContext'
import { useBoardName } from '../board/useBoardName'
import { AnimaticExportPanel } from './AnimaticExportPanel'

/** The main menu's "Export video…", beside Print: the animatic as a video file, for viewers too. */
export function ExportVideoMenuItem() {
  const editor = useEditor()
  const session = useBoardSession()
  const name = useBoardName(session)
  const { addDialog } = useDialogs()
  return (
    <TldrawUiMenuItem
      id="export-video"
      label="Export video…"
      readonlyOk
      onSelect={() => {
        addDialog({
          id: 'export-video',
          component: ({ onClose }) => <ExportVideoDialog store={editor.store} boardName={name} onClose={onClose} />,
        })
      }}
    />
  )
}

/** The dialog: Escape closes it (and stops an export under way) without reaching the canvas, whose selection it would clear. */
function ExportVideoDialog({ store, boardName, onClose }: { store: TLStore; boardName: string | undefined; onClose(): void }) {
  const body = useRef<HTMLDivElement>(null)
  useDialogKeyboard(body, onClose)
  return (
    <>
      <TldrawUiDialogHeader>
        <TldrawUiDialogTitle>Export video</TldrawUiDialogTitle>
        <TldrawUiDialogCloseButton />
      </TldrawUiDialogHeader>
      <TldrawUiDialogBody>
        <div ref={body}>
          <AnimaticExportPanel store={store} boardName={boardName} mediaUrl={(src) => src} onClose={onClose} />
        </div>
      </TldrawUiDialogBody>
    </>
  )
}
