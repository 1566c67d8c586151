import { useEffect } from 'react'
import { useToasts } from 'tldraw'
import { describeNotice } from '../sync/serverNotices'
import { useBoardSession } from './BoardSessionContext'

/** Shows the server's notices (a change it undid, read-only access) as tldraw toasts. */
export function ServerNoticeToasts() {
  const session = useBoardSession()
  const { addToast } = useToasts()
  useEffect(
    () =>
      session.onNotice((notice) => {
        const toast = describeNotice(notice)
        if (toast) addToast({ ...toast, severity: 'warning' })
      }),
    [session, addToast],
  )
  return null
}
