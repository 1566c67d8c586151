/**
 * The board sync wire protocol (see docs/sync-endpoint.md).
 *
 * The endpoint speaks the y-websocket protocol unchanged (y-protocols sync + awareness), so any
 * stock y-websocket client can join. Storyloom adds one message type of its own, `notice`,
 * which stock clients ignore (they log it as unknown).
 */
import type { BoardRole } from '../access/roles'

export const SYNC_PROTOCOL_VERSION = 1

/** The path a board's sync socket lives under: `${SYNC_PATH}/${boardId}`. */
export const SYNC_PATH = '/sync'

/** First varuint of every message. 0–3 are y-websocket's own. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Storyloom: a JSON `SyncNotice` for this connection only. */
  notice: 100,
} as const

/** Close codes, in the 4000 + HTTP status style. */
export const CloseCode = {
  /** A message could not be decoded or broke the protocol. */
  badMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  boardNotFound: 4404,
  /**
   * A client-review connection holds doc state the server's review copy of the board does not
   * have (it was made anew, e.g. after a restart): start again with an empty doc.
   */
  reviewOutdated: 4409,
  /** A message was larger than the server accepts. */
  tooLarge: 4413,
  /** The doc was written with a newer schema than this client knows. */
  upgradeRequired: 4426,
  /** The server is shutting down; reconnect later. */
  goingAway: 4503,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

export const CloseReason: Record<CloseCode, string> = {
  [CloseCode.badMessage]: 'malformed message',
  [CloseCode.unauthorized]: 'not signed in',
  [CloseCode.forbidden]: 'no access to this board',
  [CloseCode.boardNotFound]: 'board not found',
  [CloseCode.reviewOutdated]: 'the presentation was reloaded on the server; open it again',
  [CloseCode.tooLarge]: 'message too large',
  [CloseCode.upgradeRequired]: 'this board needs a newer version of Storyloom; reload the page',
  [CloseCode.goingAway]: 'server restarting',
}

/** The reason a connection closes with (`unauthorized`) when its account is deleted. */
export const ACCOUNT_DELETED_REASON = 'this account was deleted'

/** The reason a connection closes with (`unauthorized`) when its session ended because the account's password was changed elsewhere. */
export const PASSWORD_CHANGED_REASON = 'the password of this account was changed; sign in again'

/** Largest WebSocket message the server accepts. Images and clips go over HTTP, not the socket. */
export const MAX_SYNC_MESSAGE_BYTES = 4 * 1024 * 1024

/**
 * What a notice is about. A server may add codes without a new protocol version: clients ignore
 * a notice whose code they do not know (a tab opened before an upgrade), so a new code must only
 * ever tell a client something it can do without.
 */
export const NoticeCode = {
  /** A record was invalid; the server restored its last valid state. */
  recordReverted: 'record_reverted',
  /** This connection is read-only; its document updates were dropped. */
  readOnly: 'read_only',
  /** The connection's role on the board changed while it was open (its writes now count, or are now dropped). */
  accessChanged: 'access_changed',
  /** The board was renamed (sent to every connection on it, so open pages show the new name). */
  boardRenamed: 'board_renamed',
  /**
   * The board's members or open invite links changed: someone joined, left, was removed or got
   * another role, or a link was made or revoked (sent to every connection on it, so an open
   * members dialog reloads its lists; the notice itself names nobody).
   */
  membersChanged: 'members_changed',
} as const
export type NoticeCode = (typeof NoticeCode)[keyof typeof NoticeCode]

export type SyncNotice =
  | { code: typeof NoticeCode.recordReverted; records: { id: string; reason: string }[] }
  | { code: typeof NoticeCode.readOnly; message: string }
  | { code: typeof NoticeCode.accessChanged; role: BoardRole }
  | { code: typeof NoticeCode.boardRenamed; name: string }
  | { code: typeof NoticeCode.membersChanged }
