/**
 * The authorization hook the sync endpoint calls before accepting a socket. Authentication
 * itself (sessions, share-link tokens) lives elsewhere; this is the seam it plugs into.
 */
import type { IncomingMessage } from 'node:http'
import type { BoardRole } from '@storyloom/shared/access/roles'

/** What a connection may do on a board. */
export type SyncAccess = {
  /** Viewers and review links: they get the doc and awareness, their doc updates are dropped. */
  readOnly: boolean
  /**
   * A client-review link: served what the presentation shows (the board's review projection,
   * see reviewProjection.ts), never the board doc itself, and only reviewers' presence and the
   * screen and name of who presents (see reviewPresence.ts). Always read-only.
   */
  review?: boolean
  /** The account (or `local`): role changes and removals find its open connections by it. Never sent to other clients. */
  userId?: string
  /** The role the access came from, when it came from board membership. */
  role?: BoardRole
  /**
   * Asked at every keepalive tick (30 s): false once the grant behind this connection ended (the
   * session was signed out or expired), and the connection is closed with 4401.
   */
  stillValid?: () => boolean
}

/**
 * Decides whether the upgrade request may open `boardId`:
 * - a `SyncAccess` to accept it;
 * - `null` when the caller is not signed in: the upgrade is refused with HTTP 401;
 * - `'forbidden'` when signed in without access: accepted, then closed with 4403, because
 *   browsers cannot see the HTTP status of a refused upgrade and the UI should say why.
 * A hook that throws refuses the upgrade with HTTP 500 (the error is logged).
 */
export type Authorize = (req: IncomingMessage, boardId: string) => Promise<SyncAccess | 'forbidden' | null>

/** The default until accounts exist: everyone who can reach the server is an editor. */
export const allowEveryone: Authorize = async () => ({ readOnly: false })
