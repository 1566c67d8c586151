import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { boardRoleSchema, canEditDoc, roleWithArticle } from '@storyloom/shared/access/roles'
import { MessageType, NoticeCode, type SyncNotice } from '@storyloom/shared/protocol/syncProtocol'

/**
 * Receives Storyloom's `notice` messages (varuint `MessageType.notice`, then a JSON
 * `SyncNotice`) on a stock `WebsocketProvider`. A notice that cannot be read is logged and
 * dropped: it must never break the connection.
 */
export function registerNoticeHandler(
  provider: WebsocketProvider,
  onNotice: (notice: SyncNotice) => void,
): void {
  provider.messageHandlers[MessageType.notice] = (_encoder, decoder) => {
    const notice = readNotice(decoder)
    if (notice) onNotice(notice)
    else console.warn('[storyloom] ignored a malformed notice from the server')
  }
}

/** Decodes the JSON body of a notice message; null if it is not a notice this client knows. */
export function readNotice(decoder: decoding.Decoder): SyncNotice | null {
  try {
    const value: unknown = JSON.parse(decoding.readVarString(decoder))
    if (typeof value !== 'object' || value === null) return null
    const notice = value as Partial<SyncNotice>
    if (notice.code === NoticeCode.recordReverted && Array.isArray(notice.records)) return notice as SyncNotice
    if (notice.code === NoticeCode.readOnly && typeof notice.message === 'string') return notice as SyncNotice
    if (notice.code === NoticeCode.accessChanged && boardRoleSchema.safeParse(notice.role).success) return notice as SyncNotice
    if (notice.code === NoticeCode.boardRenamed && typeof notice.name === 'string') return notice as SyncNotice
    if (notice.code === NoticeCode.membersChanged) return { code: NoticeCode.membersChanged }
    return null
  } catch {
    return null
  }
}

/**
 * The toast id of what the server says about the user's access (their role changed, their writes
 * are dropped): one such toast at a time, the newest replacing the one before, so a role change and
 * what follows from it read as one message.
 */
export const ACCESS_TOAST_ID = 'storyloom-board-access'

/** What to tell the user about a notice, as a toast (`id`: replaces a toast with the same id); null: nothing (the page shows it). */
export function describeNotice(notice: SyncNotice): { id?: string; title: string; description: string } | null {
  switch (notice.code) {
    case NoticeCode.recordReverted: {
      const reasons = [...new Set(notice.records.map((r) => r.reason))]
      const count = notice.records.length
      return {
        title: count === 1 ? 'A change was undone by the server' : `${count} changes were undone by the server`,
        description: reasons.length > 0 ? reasons.join('; ') : 'The change was not valid.',
      }
    }
    case NoticeCode.readOnly:
      return { id: ACCESS_TOAST_ID, title: 'This board is read-only for you', description: notice.message }
    case NoticeCode.accessChanged:
      return {
        id: ACCESS_TOAST_ID,
        title: `You are now ${roleWithArticle(notice.role)} on this board`,
        description: canEditDoc(notice.role) ? 'You can edit the board.' : 'You can view the board but not change it.',
      }
    case NoticeCode.boardRenamed:
      return null // the board's title changes in place
    case NoticeCode.membersChanged:
      return null // an open members dialog reloads its lists
  }
}
