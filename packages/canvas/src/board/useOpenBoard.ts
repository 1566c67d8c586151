import { useEffect, useState } from 'react'
import { BoardSession, type BoardSessionOptions } from '../sync/BoardSession'
import { useAccount } from '../account/SessionContext'
import { ensureGuestIdentity } from '../user/guestIdentity'

/** The sync server's WebSocket origin: the page's own, as the server serves both. */
function syncOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`
}

/** Opens a board (as a member, or through a review link) for as long as the calling component is mounted. */
export function useOpenBoard(boardId: string, { reviewToken }: BoardSessionOptions = {}): BoardSession | undefined {
  const [session, setSession] = useState<BoardSession>()
  const account = useAccount().session?.user ?? undefined
  useEffect(() => {
    ensureGuestIdentity(account) // before presence is shared, so nobody sees an anonymous user
    const opened = new BoardSession(boardId, syncOrigin(), reviewToken === undefined ? {} : { reviewToken })
    setSession(opened)
    return () => {
      opened.destroy()
      setSession(undefined)
    }
  }, [boardId, reviewToken])
  return session
}
