import { createContext, type ReactNode } from 'react'
import { getUserPreferences, useValue } from 'tldraw'
import { commentAuthorName, givenName } from '../user/givenName'

/** Whether the comment boxes below ask their writer's name (see {@link AskNameWhileUnnamed}). */
export const AskNameContext = createContext(false)

/**
 * Wraps the team's comment boxes: while this device's person never gave a name (their cursor's
 * is the made-up "Guest Fox"), the box they start writing in asks for one (CommentComposer), so a
 * comment is never signed with the made-up name. A reviewer's boxes are never wrapped: the
 * review page asks its own way.
 */
export function AskNameWhileUnnamed({ children }: { children: ReactNode }) {
  const unnamed = useValue('unnamed writer', () => givenName(getUserPreferences().name) === undefined, [])
  return <AskNameContext.Provider value={unnamed}>{children}</AskNameContext.Provider>
}

/**
 * Who a team comment, reply or resolve is by, read as it is sent (a writer asked their name has
 * just given it): the name this device's person gave, else "Someone on the team" — never the
 * made-up "Guest Fox" — and their tldraw user id (with accounts the server names the account).
 */
export function teamCommentAuthor(): { authorName: string; authorId: string } {
  const { id, name } = getUserPreferences()
  return { authorName: commentAuthorName(name), authorId: id }
}
