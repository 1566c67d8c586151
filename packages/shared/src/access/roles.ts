import { z } from 'zod'

/**
 * A member's role on one board, weakest first. Viewers and commenters cannot change the board's
 * document (the sync server drops their updates); owners also manage members and invites.
 */
export const BOARD_ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const
export const boardRoleSchema = z.enum(BOARD_ROLES)
export type BoardRole = z.infer<typeof boardRoleSchema>

/** True when `role` may do what `required` may. */
export function roleAtLeast(role: BoardRole, required: BoardRole): boolean {
  return BOARD_ROLES.indexOf(role) >= BOARD_ROLES.indexOf(required)
}

/** Whether a role may change the board's document (shapes, shots, settings). */
export function canEditDoc(role: BoardRole): boolean {
  return roleAtLeast(role, 'editor')
}

/** Words for people: "an editor", "a viewer". */
export function roleWithArticle(role: BoardRole): string {
  return `${role === 'editor' || role === 'owner' ? 'an' : 'a'} ${role}`
}

/** The least role that may write comments: start threads, reply, resolve. Everyone on the board may read them. */
export const COMMENT_ROLE = 'commenter' satisfies BoardRole

/** The least role that may list, create and revoke client-review links (they hand read access to outsiders). */
export const SHARE_LINK_ROLE = 'editor' satisfies BoardRole

/** Who may do what `required` may, for messages: "owners", "editors and owners". */
export function whoMay(required: BoardRole): string {
  const roles = BOARD_ROLES.slice(BOARD_ROLES.indexOf(required)).map((r) => `${r}s`)
  return roles.length === 1 ? roles[0]! : `${roles.slice(0, -1).join(', ')} and ${roles.at(-1)!}`
}

/**
 * Why `role` may not do something that needs `required` ("Only editors and owners can create
 * review links; you are a viewer on this board"), or null when it may.
 */
export function roleRefusal(role: BoardRole, required: BoardRole, action = 'do this'): string | null {
  return roleAtLeast(role, required) ? null : `Only ${whoMay(required)} can ${action}; you are ${roleWithArticle(role)} on this board`
}
