import { useRef } from 'react'
import { TldrawUiDialogBody, TldrawUiDialogCloseButton, TldrawUiDialogHeader, TldrawUiDialogTitle, TldrawUiMenuItem, useDialogs, useEditor, type Editor } from 'tldraw'
import { useDialogKeyboard } from '../app/useDialogKeyboard'
import { useBoardSession } from '../board/BoardSessionContext'
import { SoundtrackPanel } from './SoundtrackPanel'

/** The main menu's "Soundtrack…" (editors only: it changes the board). */
export function SoundtrackMenuItem() {
  const editor = useEditor()
  const { boardId } = useBoardSession()
  const { addDialog } = useDialogs()
  return (
    <TldrawUiMenuItem
      id="soundtrack"
      label="Soundtrack…"
      onSelect={() => {
        addDialog({ id: 'soundtrack', component: ({ onClose }) => <SoundtrackDialog editor={editor} boardId={boardId} onClose={onClose} /> })
      }}
    />
  )
}

/** The dialog: Escape closes it without reaching the canvas, whose selection it would clear. */
function SoundtrackDialog({ editor, boardId, onClose }: { editor: Editor; boardId: string; onClose(): void }) {
  const body = useRef<HTMLDivElement>(null)
  useDialogKeyboard(body, onClose)
  return (
    <>
      <TldrawUiDialogHeader>
        <TldrawUiDialogTitle>Soundtrack</TldrawUiDialogTitle>
        <TldrawUiDialogCloseButton />
      </TldrawUiDialogHeader>
      <TldrawUiDialogBody>
        <div ref={body}>
          <SoundtrackPanel editor={editor} boardId={boardId} onClose={onClose} />
        </div>
      </TldrawUiDialogBody>
    </>
  )
}
