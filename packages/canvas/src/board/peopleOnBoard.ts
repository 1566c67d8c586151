import type { Editor, TLUserId } from 'tldraw'

/**
 * The ids of the other people on the board, sorted: one per person, however many tabs they
 * have open. Everyone whose presence is there, which is while they are connected (the
 * awareness drops it when they leave) — not tldraw's `usePeerIds`, which leaves out anyone who
 * has not used the canvas for a minute: someone reading the board, or working in the sequence
 * strip (outside tldraw's container), vanished from the avatars as if they had left.
 */
export function peopleOnBoard(editor: Editor): TLUserId[] {
  return [...new Set(editor.getCollaborators().map((p) => p.userId))].sort()
}
