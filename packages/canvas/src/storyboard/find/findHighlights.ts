import type { Editor, Signal } from 'tldraw'
import { editorMirror } from '../editorMirror'
import { boardSequenceModel } from '../sequence/boardSequenceModel'
import { findBarState } from './findBarState'
import { findShots } from './findShots'
import { assigneeOf, boardMembersOf, formerNumbersOf } from '../../board/boardMembers'

/** What find shows on the board while its bar is open: every matching shot, and the current one. */
export interface FindHighlights {
  /** The matching shots' ids, in sequence order (the order Enter steps through). */
  readonly matches: readonly string[]
  readonly matched: ReadonlySet<string>
  /** The current match, if one was stepped to and it still matches. */
  readonly current: string | null
}

/** How find marks one shot, on the canvas and on its strip card: the current match, another match, or not at all. */
export type FindMark = 'current' | 'match' | undefined

const NOTHING_FOUND: FindHighlights = { matches: [], matched: new Set(), current: null }

/**
 * The board's find highlights, for the bar, the shot panels and the strip cards. A mirror (see
 * `editorMirror`): hundreds of shot panels read it, and none of them is re-checked on every
 * camera frame. Closed, the bar finds nothing, so nothing is highlighted and the board is not read.
 * Finding only reads: highlights are local to this page, never in the shared document.
 */
export function findHighlightsOf(editor: Editor): Signal<FindHighlights> {
  return editorMirror(editor, 'find highlights', () => {
    const { open, query, current } = findBarState(editor).get()
    if (!open) return NOTHING_FOUND
    const members = boardMembersOf(editor).get()
    const numbers = formerNumbersOf(editor).get()
    // Signed in, your tldraw user id is your account id (guestIdentity.ts); in local mode nobody is a member.
    const me = editor.user.getId()
    const matches = findShots(boardSequenceModel(editor).get(), query, { nameOf: (id) => assigneeOf(members, id, numbers).name, me })
    if (matches.length === 0) return NOTHING_FOUND
    const matched = new Set(matches)
    return { matches, matched, current: current !== null && matched.has(current) ? current : null }
  })
}

/** How `highlights` mark the shot `shotId`. */
export function findMarkOf(highlights: FindHighlights, shotId: string): FindMark {
  if (!highlights.matched.has(shotId)) return undefined
  return shotId === highlights.current ? 'current' : 'match'
}
