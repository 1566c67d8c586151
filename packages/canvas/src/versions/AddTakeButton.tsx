import { useRef, useState } from 'react'
import { PICTURE_MIME_TYPES } from '@storyloom/shared/api/assets'

/**
 * "Upload take": picks image or clip files and hands each to `onFile`, one after another. The
 * file input is visually hidden behind a normal button.
 */
export function AddTakeButton({ label, onFile }: { label: string; onFile(file: File): Promise<void> }) {
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  return (
    <>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Uploading…' : label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept={PICTURE_MIME_TYPES.join(',')}
        data-testid="version-upload-input"
        onChange={async (e) => {
          const files = [...(e.currentTarget.files ?? [])]
          e.currentTarget.value = ''
          setBusy(true)
          try {
            for (const file of files) await onFile(file)
          } finally {
            setBusy(false)
          }
        }}
      />
    </>
  )
}
