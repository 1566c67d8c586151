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
