import type { Context } from 'hono'
import { accountAuthor } from '../access/principal'
import type { Requester } from '../generation/generationService'
import { USER_ID_HEADER, USER_NAME_HEADER } from '@storyloom/shared/generation/api'
import { cleanedPersonName } from '@storyloom/shared/api/typedName'
import { isGuestName, SOMEONE_ON_THE_TEAM } from '@storyloom/shared/people/guestNames'
import type { AuthEnv } from './authEnv'

/** The local-mode identity headers; defined in shared because the canvas sends them. */
export { USER_ID_HEADER, USER_NAME_HEADER }

/** Someone who did not say who they are: they share one set of caps. */
const GUEST: Requester = { id: 'guest', name: 'Guest' }

/** Who is making a request under /api/boards/:boardId (after the board access check). */
export type IdentifyRequester = (c: Context<AuthEnv>) => Requester

/**
 * The signed-in account; in local mode (no accounts, loopback only) the canvas's self-chosen
 * identity from two headers, so per-person caps and "who started it" still work, else a guest.
 */
export const identifyRequester: IdentifyRequester = (c) => accountAuthor(c.get('boardAccess').principal) ?? identifyFromHeaders(c)

/**
 * A device that sent no name, one that shows nothing, or the "Guest Fox" an older canvas made up
 * for its cursor is "Someone on the team", as its comments are: never a made-up name, nor its id.
 */
function identifyFromHeaders(c: Context): Requester {
  const id = c.req.header(USER_ID_HEADER)?.trim()
  if (!id || id.length > 128) return GUEST
  const header = c.req.header(USER_NAME_HEADER)?.trim()
  let decoded = ''
  try {
    decoded = header ? decodeURIComponent(header) : ''
  } catch {
    // a name that is not percent-encoded names nobody
  }
  const name = cleanedPersonName(decoded).slice(0, 200)
  return { id, name: name && !isGuestName(name) ? name : SOMEONE_ON_THE_TEAM }
}
