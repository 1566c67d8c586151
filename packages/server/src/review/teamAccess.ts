import type { Context } from 'hono'

/**
 * Who on the board's team is calling a comment or share-link route: the one place those routes
 * ask. Until accounts exist, every caller that can reach the server (it listens on localhost
 * only) is an editor, known by the id their device sends. With accounts, this reads the
 * principal the board access middleware resolved (which also checks the role: editors for
 * share links, commenters for comments).
 */
export type TeamCaller = {
  /** Stable id stored with what they write. */
  id: string
}

export function teamCaller(_c: Context, claimedId: string | undefined): TeamCaller {
  return { id: claimedId ?? 'local' }
}
