import type * as Y from 'yjs'
import { cleanedPersonName } from '../api/typedName'
import type { ShotVerdict } from './verdicts'

/**
 * The review state every client of a board sees live, kept by the server in the board's Y.Doc
 * (see docs/doc-layout.md). Comments themselves live in SQLite; the doc carries only what the
 * canvas draws on shots (badges) and a revision that tells open clients to fetch comments again.
 *
 * Y.Map `review`:
 * - `revision`: a number, bumped by the server on every comment, resolve/reopen and verdict;
 * - `verdictRevision`: a number, bumped only on a verdict (given, replaced or taken back), so a
 *   review page asks whose verdicts are its own once per verdict, not once per comment;
 * - `shot/<shotId>`: a {@link ShotReviewSummary}.
 *
 * Only the server writes it: it is not a tldraw record, and clients never change it.
 */
export const REVIEW = 'review'
export const REVIEW_REVISION = 'revision'
export const REVIEW_VERDICT_REVISION = 'verdictRevision'
const SHOT_PREFIX = 'shot/'

export interface ShotReviewSummary {
  /** Threads on the shot not yet resolved. */
  readonly openThreads: number
  /** All comments on the shot, replies included. */
  readonly comments: number
  /** Of those, the ones that carry a drawing (0 in a summary written before drawings were counted). */
  readonly drawnComments: number
  /** The latest verdict from a review link, if any. */
  readonly verdict: ShotVerdict | null
  readonly verdictBy: string | null
}

export function reviewMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(REVIEW)
}

export function shotReviewKey(shotId: string): string {
  return SHOT_PREFIX + shotId
}

/** The revision clients compare to know when to fetch comments again (0 before any). */
export function readReviewRevision(doc: Y.Doc): number {
  const value = reviewMap(doc).get(REVIEW_REVISION)
  return typeof value === 'number' ? value : 0
}

/** The revision bumped on every verdict (0 before any, or on a board from before it was kept). */
export function readVerdictRevision(doc: Y.Doc): number {
  const value = reviewMap(doc).get(REVIEW_VERDICT_REVISION)
  return typeof value === 'number' ? value : 0
}

/** Every shot's review summary, by shot id (malformed entries skipped). */
export function readShotReviews(doc: Y.Doc): Map<string, ShotReviewSummary> {
  const result = new Map<string, ShotReviewSummary>()
  for (const [key, value] of reviewMap(doc)) {
    if (!key.startsWith(SHOT_PREFIX) || typeof value !== 'object' || value === null) continue
    const v = value as Partial<ShotReviewSummary>
    result.set(key.slice(SHOT_PREFIX.length), {
      openThreads: typeof v.openThreads === 'number' ? v.openThreads : 0,
      comments: typeof v.comments === 'number' ? v.comments : 0,
      drawnComments: typeof v.drawnComments === 'number' ? v.drawnComments : 0,
      verdict: v.verdict === 'approved' || v.verdict === 'changes-requested' ? v.verdict : null,
      verdictBy: typeof v.verdictBy === 'string' ? v.verdictBy : null,
    })
  }
  return result
}

/** What a reviewer name with nothing left once cleaned reads as (as migrations 0007 and 0008 store it). */
const UNNAMED = 'Unnamed'

/**
 * Rewrites the badges whose reviewer name holds characters refused since it was saved (control
 * characters, characters that reorder or hide text), cleaned as migrations 0007 and 0008 cleaned
 * the verdicts they show. Writes only the entries that change; call it in a server transaction.
 */
export function cleanStoredReviewerNames(doc: Y.Doc): void {
  const review = reviewMap(doc)
  for (const [key, value] of review) {
    if (!key.startsWith(SHOT_PREFIX) || typeof value !== 'object' || value === null) continue
    const verdictBy = (value as Partial<ShotReviewSummary>).verdictBy
    if (typeof verdictBy !== 'string') continue
    const cleaned = cleanedPersonName(verdictBy) || UNNAMED
    if (cleaned !== verdictBy) review.set(key, { ...value, verdictBy: cleaned })
  }
}

