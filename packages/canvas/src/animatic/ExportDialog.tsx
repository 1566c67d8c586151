import { useRef, type ReactNode } from 'react'
import { TldrawUiDialogBody, TldrawUiDialogCloseButton, TldrawUiDialogHeader, TldrawUiDialogTitle } from 'tldraw'
import { useDialogKeyboard } from '../app/useDialogKeyboard'

/**
 * The main menu's dialog of an export (Export video, Export for editing) around its panel: Escape
 * closes it (and stops an export under way) without reaching the canvas, whose selection it would clear.
 */
export function ExportDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const body = useRef<HTMLDivElement>(null)
  useDialogKeyboard(body, onClose)
  return (
    <>
      <TldrawUiDialogHeader>
        <TldrawUiDialogTitle>{title}</TldrawUiDialogTitle>
        <TldrawUiDialogCloseButton />
      </TldrawUiDialogHeader>
      <TldrawUiDialogBody>
        <div ref={body}>{children}</div>
      </TldrawUiDialogBody>
    </>
  )
}
