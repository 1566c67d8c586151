import { useEffect } from 'react'
import { useToasts } from 'tldraw'
import { describeNotice } from '../sync/serverNotices'
import { useBoardSession } from './BoardSessionContext'

/** Shows the server's notices (a change it undid, read-only access, a new role) as tldraw toasts, each with its own severity. */
export function ServerNoticeToasts() {
  const session = useBoardSession()
  const { addToast } = useToasts()
  useEffect(
    () =>
      session.onNotice((notice) => {
        const toast = describeNotice(notice)
        if (toast) addToast(toast)
      }),
    [session, addToast],
  )
  return null
}
