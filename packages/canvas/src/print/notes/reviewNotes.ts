import type { CommentThreadResponse } from '@storyloom/shared/review/comments'
import type { BoardVerdictsResponse } from '@storyloom/shared/review/verdicts'
import type { PresentationShot } from '../../presentation/presentationShots'
import { sceneGroups, type PresentationSceneGroup } from '../../presentation/presentationScenes'

/** A shot's current client verdict, as GET /api/boards/:boardId/verdicts gives it. */
export type BoardVerdict = BoardVerdictsResponse['verdicts'][number]

/** One shot of the notes report: its verdict and the client's threads on it, oldest first. */
export interface NotesShot {
  readonly shot: PresentationShot
  readonly verdict: BoardVerdict | null
  readonly threads: readonly CommentThreadResponse[]
}

/** A scene of the notes report: its heading's group (all its shots) and the shots the report lists. */
export interface NotesSection {
  readonly group: PresentationSceneGroup
  readonly shots: readonly NotesShot[]
}

/**
 * The client's side of the review: threads on a shot that a reviewer started (with the team's
 * replies). Threads the team started are its internal notes — a review link never shows them,
 * and a report sent to the client must not either.
 */
export function isClientThread(thread: CommentThreadResponse): boolean {
  return thread.anchor.kind === 'shot' && thread.comments[0]?.author.kind === 'reviewer'
}

/**
 * The notes report in board order (scenes as the strip orders them, shots in no scene last):
 * every shot with its verdict and client threads, or with `openOnly` only the shots with a
 * thread not yet resolved (scenes left with none are left out).
 */
export function reviewNotes(
  shots: readonly PresentationShot[],
  threads: readonly CommentThreadResponse[],
  verdicts: readonly BoardVerdict[],
  openOnly: boolean,
): NotesSection[] {
  const threadsByShot = new Map<string, CommentThreadResponse[]>()
  for (const thread of threads) {
    if (!isClientThread(thread) || thread.anchor.kind !== 'shot') continue
    const list = threadsByShot.get(thread.anchor.shotId) ?? []
    list.push(thread)
    threadsByShot.set(thread.anchor.shotId, list)
  }
  const verdictByShot = new Map(verdicts.map((v) => [v.shotId, v]))
  return sceneGroups(shots).flatMap((group) => {
    const listed = group.shots
      .map((shot) => ({ shot, verdict: verdictByShot.get(shot.id) ?? null, threads: threadsByShot.get(shot.id) ?? [] }))
      .filter((entry) => !openOnly || entry.threads.some((t) => !t.resolved))
    return listed.length ? [{ group, shots: listed }] : []
  })
}

/**
 * The review links the listed notes came through, by label, each once in the order first met
 * ("" for a link without one); a link the board no longer lists is left out.
 */
export function notesLinkLabels(sections: readonly NotesSection[], links: BoardVerdictsResponse['links']): string[] {
  const labelOf = new Map(links.map((l) => [l.id, l.label]))
  const ids = new Set<string>()
  for (const { shots } of sections) {
    for (const { verdict, threads } of shots) {
      if (verdict) ids.add(verdict.shareLinkId)
      for (const thread of threads) for (const c of thread.comments) if (c.author.kind === 'reviewer') ids.add(c.author.shareLinkId)
    }
  }
  return [...new Set([...ids].flatMap((id) => (labelOf.has(id) ? [labelOf.get(id)!] : [])))]
}
