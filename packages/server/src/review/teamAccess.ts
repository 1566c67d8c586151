import type { Context } from 'hono'
import type { AuthEnv } from '../http/authEnv'

/**
 * Who on the board's team is calling a comment or share-link route: the one place those routes
 * ask. The board access middleware has already checked their role (editors for share links,
 * commenters for comments). A signed-in member is their account; in local mode (no accounts,
 * loopback only) a person is who their device says they are.
 */
export type TeamCaller = {
  /** Stable id stored with what they write. */
  id: string
  /** The account's name; undefined in local mode, where the name the device sends is used. */
  name: string | undefined
}

export function teamCaller(c: Context<AuthEnv>, claimed: { id?: string | undefined } = {}): TeamCaller {
  const { principal } = c.get('boardAccess')
  if (principal.kind === 'user') return { id: principal.user.id, name: principal.user.name }
  return { id: claimed.id ?? 'local', name: undefined }
}
