import type * as Y from 'yjs'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { SHOT_SHAPE_TYPE, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'

/** The version a shot shows (its `activeVersionId`), null for none or for no such shot. */
export function shownVersionOf(doc: Y.Doc, shotId: string): string | null {
  const shot = readRecord(doc, shotId) as TLShotShape | undefined
  return shot?.type === SHOT_SHAPE_TYPE ? shot.props.activeVersionId : null
}

/** What decides whether a run's first take may replace the shot's image when it lands. */
export type FirstTakeContext = {
  /** The generation whose first take landed, and when it was asked for (ms). */
  jobId: string
  askedAt: number
  /** What the shot showed when it was asked for; undefined for a job from before this was kept. */
  shownWhenAsked: string | null | undefined
  /** What the shot shows now. */
  shownNow: string | null
  /** Looks up a take of the board. */
  versionOf(versionId: string): ShotVersion | undefined
}

/**
 * Whether a run's first take becomes the shot's image: yes unless someone picked the shot's
 * take after the run was asked for. The shot still showing what it showed then is no pick;
 * neither is a first take of another run that landed since (the server put it there on its
 * own: of two runs started back to back, the later one's take shows, as it always did).
 * Anything else is a person's choice, which a landing take never overrides: it only joins the
 * tree. (A person who picks, by hand, exactly another run's first take reads as no pick.)
 */
export function firstTakeReplacesShown({ jobId, askedAt, shownWhenAsked, shownNow, versionOf }: FirstTakeContext): boolean {
  if (shownWhenAsked === undefined || shownNow === shownWhenAsked || shownNow === null) return true
  const shown = versionOf(shownNow)
  if (!shown) return true
  return shown.source === 'generation' && shown.variationIndex === 0 && shown.jobId !== jobId && Date.parse(shown.createdAt) >= askedAt
}
