import type { BoardAccess, Principal } from '../access/principal'

/**
 * Hono's context variables of the API: `principal` is set for every /api request (null when
 * not signed in), `boardAccess` for every request under /api/boards/:boardId.
 */
export type AuthEnv = {
  Variables: {
    principal: Principal | null
    boardAccess: BoardAccess
  }
}
