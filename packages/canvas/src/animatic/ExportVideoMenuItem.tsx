import { TldrawUiDialogBody, TldrawUiDialogCloseButton, TldrawUiDialogHeader, TldrawUiDialogTitle, TldrawUiMenuItem, useDialogs, useEditor } from 'tldraw'
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
          component: ({ onClose }) => (
            <>
              <TldrawUiDialogHeader>
                <TldrawUiDialogTitle>Export video</TldrawUiDialogTitle>
                <TldrawUiDialogCloseButton />
              </TldrawUiDialogHeader>
              <TldrawUiDialogBody>
                <AnimaticExportPanel store={editor.store} boardName={name} mediaUrl={(src) => src} onClose={onClose} />
              </TldrawUiDialogBody>
            </>
          ),
        })
      }}
    />
  )
}
