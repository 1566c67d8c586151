import type { BoardRole } from '@storyloom/shared/access/roles'
import type { User } from '../auth/accounts'

/**
 * Who is asking. `local`: the server runs in local mode (loopback only, no accounts), and
 * whoever can reach it owns every board. `user`: a signed-in account. Not signed in is `null`.
 */
export type Principal = { kind: 'local' } | { kind: 'user'; user: User }

export const LOCAL_PRINCIPAL: Principal = { kind: 'local' }

/** The principal's id for logs and sync connections (`local` in local mode). */
export function principalId(principal: Principal): string {
  return principal.kind === 'local' ? 'local' : principal.user.id
}

/** What a board request resolved to: who asks, and their role on the board. */
export type BoardAccess = { principal: Principal; role: BoardRole }

/** The signed-in account as the author of something it made; undefined in local mode (the client names itself). */
export function accountAuthor(principal: Principal): { id: string; name: string } | undefined {
  return principal.kind === 'user' ? { id: principal.user.id, name: principal.user.name } : undefined
}

/** Whoever made something nobody named. */
export const ANONYMOUS_AUTHOR = { id: 'anonymous', name: 'Someone' } as const

/**
 * The author of a change: the signed-in account — a client cannot claim someone else's name —
 * else, in local mode, the name the client gave, else {@link ANONYMOUS_AUTHOR} (also the name
 * of a client that gave a blank one).
 */
export function authorOf(principal: Principal, claimed: { id: string; name: string } | undefined): { id: string; name: string } {
  const author = accountAuthor(principal) ?? claimed ?? ANONYMOUS_AUTHOR
  return author.name ? author : { id: author.id, name: ANONYMOUS_AUTHOR.name }
}
