import { useEffect } from 'react'
import { react, useToasts, useTranslation } from 'tldraw'
import { explainUploadFailures } from '../assets/uploadRefusals'
import { useBoardSession } from './BoardSessionContext'

/** Said for a file that failed before reaching the server (tldraw could not read it). */
const UNREADABLE = 'The file could not be read as a picture or clip: it may be damaged, or not what its name says.'

/**
 * Gives tldraw's bare "Upload failed" toast (a dropped, pasted or inserted picture, a reference
 * among them) the server's reason: a file type it does not take, a file too large… Renders nothing.
 */
export function UploadRefusalToasts() {
  const session = useBoardSession()
  const { toasts } = useToasts()
  const msg = useTranslation()
  const failedTitle = msg('assets.files.upload-failed')
  useEffect(
    () =>
      react('upload refusal toasts', () => {
        const explained = explainUploadFailures(toasts.get(), failedTitle, session.uploadRefusals, UNREADABLE)
        if (explained) toasts.set(explained)
      }),
    [toasts, failedTitle, session],
  )
  return null
}
