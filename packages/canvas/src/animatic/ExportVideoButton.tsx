import { useEffect, useRef, useState } from 'react'
import type { TLStore } from 'tldraw'
import { shotIdFromUrl } from '../presentation/shotInUrl'
import { AnimaticExportPanel } from './AnimaticExportPanel'
import '../styles/animatic-export.css'

type ExportVideoButtonProps = {
  store: TLStore
  boardName: string | undefined
  mediaUrl(src: string): string
}

/**
 * Present's "Export video" (its header; not on a phone, where the header is full): the same as
 * the board menu's, offering the whole board or the scene of the shot on screen, in a dialog of its own
 * (Present has no tldraw dialogs). Keys pressed in it stay in it: Escape closes the dialog (and
 * cancels a running export), not the presentation, and Space does not play the animatic.
 */
export function ExportVideoButton({ store, boardName, mediaUrl }: ExportVideoButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  // The shot on screen when it opened: Present keeps it in the URL.
  const [shotId, setShotId] = useState<string | null>(null)
  // Caught before anything else on the page hears it, wherever the focus is (a button the panel
  // removed leaves it on the body); the dialog's own Escape still closes it.
  useEffect(() => {
    if (!open) return
    const keep = (event: KeyboardEvent) => event.stopPropagation()
    window.addEventListener('keydown', keep, true)
    return () => window.removeEventListener('keydown', keep, true)
  }, [open])
  const close = () => {
    dialog.current?.close()
    setOpen(false)
  }
  return (
    <>
      <button
        type="button"
        className="presentation-button animatic-export-button"
        title="Download the animatic as a video file"
        onClick={() => {
          setShotId(shotIdFromUrl())
          setOpen(true)
          dialog.current?.showModal()
        }}
      >
        Export video
      </button>
      <dialog ref={dialog} className="animatic-export-dialog" aria-labelledby="animatic-export-title" onClose={() => setOpen(false)}>
        <h2 id="animatic-export-title">Export video</h2>
        {/* Mounted only while open: closing unmounts the panel, which cancels its export. */}
        {open && <AnimaticExportPanel store={store} boardName={boardName} mediaUrl={mediaUrl} onClose={close} presentedShotId={shotId} />}
      </dialog>
    </>
  )
}
