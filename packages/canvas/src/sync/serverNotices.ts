import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { boardRoleSchema, canEditDoc, roleWithArticle } from '@storyloom/shared/access/roles'
import { MessageType, NoticeCode, type SyncNotice } from '@storyloom/shared/protocol/syncProtocol'

/**
 * Receives Storyloom's `notice` messages (varuint `MessageType.notice`, then a JSON
 * `SyncNotice`) on a stock `WebsocketProvider`. A notice that cannot be read is logged and
 * dropped: it must never break the connection. A notice of a code this client does not know
 * comes from a newer server (a tab opened before an upgrade) and is dropped quietly.
 */
export function registerNoticeHandler(
  provider: WebsocketProvider,
  onNotice: (notice: SyncNotice) => void,
): void {
  provider.messageHandlers[MessageType.notice] = (_encoder, decoder) => {
    const read = readNotice(decoder)
    if (read.kind === 'notice') onNotice(read.notice)
    else if (read.kind === 'unknown') console.debug(`[storyloom] ignored a notice this version does not know: ${read.code}`)
    else console.warn('[storyloom] ignored a malformed notice from the server')
  }
}

/**
 * What a notice message holds: a notice this client knows; one whose `code` it does not know
 * (`unknown`: from a newer server, to be ignored); or nothing readable (`malformed`: not JSON,
 * not an object, no string `code`, or a known code without the fields it carries).
 */
export type ReadNotice =
  | { kind: 'notice'; notice: SyncNotice }
  | { kind: 'unknown'; code: string }
  | { kind: 'malformed' }

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(NoticeCode))
const MALFORMED = { kind: 'malformed' } as const

/** Decodes the JSON body of a notice message (see {@link ReadNotice}). */
export function readNotice(decoder: decoding.Decoder): ReadNotice {
  let value: unknown
  try {
    value = JSON.parse(decoding.readVarString(decoder))
  } catch {
    return MALFORMED
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return MALFORMED
  const notice = value as Partial<SyncNotice>
  if (typeof notice.code !== 'string') return MALFORMED
  if (!KNOWN_CODES.has(notice.code)) return { kind: 'unknown', code: notice.code.slice(0, 64) }
  const known = knownNotice(notice)
  return known ? { kind: 'notice', notice: known } : MALFORMED
}

/** A notice of a known code, if it carries that code's fields. */
function knownNotice(notice: Partial<SyncNotice>): SyncNotice | null {
  if (notice.code === NoticeCode.recordReverted && Array.isArray(notice.records)) return notice as SyncNotice
  if (notice.code === NoticeCode.readOnly && typeof notice.message === 'string') return notice as SyncNotice
  if (notice.code === NoticeCode.accessChanged && boardRoleSchema.safeParse(notice.role).success) return notice as SyncNotice
  if (notice.code === NoticeCode.boardRenamed && typeof notice.name === 'string') return notice as SyncNotice
  if (notice.code === NoticeCode.membersChanged) return { code: NoticeCode.membersChanged }
  return null
}

/**
 * The toast id of what the server says about the user's access (their role changed, their writes
 * are dropped): one such toast at a time, the newest replacing the one before, so a role change and
 * what follows from it read as one message.
 */
export const ACCESS_TOAST_ID = 'storyloom-board-access'

/** A toast's severity, as tldraw's toasts take it (its icon and colour). */
export type NoticeSeverity = 'success' | 'info' | 'warning' | 'error'

/**
 * What to tell the user about a notice, as a toast (`id`: replaces a toast with the same id;
 * `severity`: good news is not a warning); null: nothing (the page shows it).
 */
export function describeNotice(notice: SyncNotice): { id?: string; title: string; description: string; severity: NoticeSeverity } | null {
  switch (notice.code) {
    case NoticeCode.recordReverted: {
      const reasons = [...new Set(notice.records.map((r) => r.reason))]
      const count = notice.records.length
      return {
        title: count === 1 ? 'A change was undone by the server' : `${count} changes were undone by the server`,
        description: reasons.length > 0 ? reasons.join('; ') : 'The change was not valid.',
        severity: 'warning',
      }
    }
    case NoticeCode.readOnly:
      return { id: ACCESS_TOAST_ID, title: 'This board is read-only for you', description: notice.message, severity: 'warning' }
    case NoticeCode.accessChanged:
      return {
        id: ACCESS_TOAST_ID,
        title: `You are now ${roleWithArticle(notice.role)} on this board`,
        description: canEditDoc(notice.role) ? 'You can edit the board.' : 'You can view the board but not change it.',
        // Being let in to edit is good news; being made read-only is information, not a fault.
        severity: canEditDoc(notice.role) ? 'success' : 'info',
      }
    case NoticeCode.boardRenamed:
      return null // the board's title changes in place
    case NoticeCode.membersChanged:
      return null // an open members dialog reloads its lists
  }
}
