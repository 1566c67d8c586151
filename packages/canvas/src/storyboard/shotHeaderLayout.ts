import type { ShotVerdict } from '@storyloom/shared/review/verdicts'

/**
 * How a shot panel's header shares its one row (SHOT_HEADER_HEIGHT: the frame's place below
 * it never moves) between the number, the title, the badges and the duration. The title keeps
 * a readable width: the badges fold to compact forms first, then give up their place (what they
 * say stays in the strip card, the inspector and the review panel). Widths are estimated from
 * the header's CSS (styles/storyboard.css, assignee.css, review/threads.css, review/marks.css)
 * rather than measured: a board shows hundreds of panels, and none of them may lay out twice.
 */

/** Below this the title is a few letters: about 12 characters of its 13 px semibold text. */
export const MIN_TITLE_WIDTH = 96

/** How much of a shot's review its header badge shows (ShotReviewBadge). */
export type ReviewBadgeForm = 'full' | 'compact' | 'minimal' | 'none'

/** What a shot's header holds. */
export interface ShotHeaderContent {
  readonly number: string
  readonly duration: string
  /** As typed; empty for an untitled shot. */
  readonly title: string
  readonly assignee: boolean
  readonly sound: boolean
  /** Its review summary, null when it has no comments and no verdict. */
  readonly review: { readonly openThreads: number; readonly drawnComments: number; readonly verdict: ShotVerdict | null } | null
}

/** What the header shows, and the width its title gets, in page units. */
export interface ShotHeaderLayout {
  readonly review: ReviewBadgeForm
  readonly sound: boolean
  readonly assignee: boolean
  readonly titleWidth: number
}

const PADDING = 8 * 2
const GAP = 8
const REVIEW_GAP = 4
const TITLE_CHAR = 7.4
const SMALL_CHAR = 6.8
const NUMBER_PADDING = 12
const NUMBER_MIN = 28
const ASSIGNEE = 24
const SOUND = 10
const VERDICT = 18
const UNTITLED_WIDTH = 80

/** The header's layout for a panel `width` wide: the first of full, compact, minimal and none that leaves the title its room. */
export function shotHeaderLayout(width: number, content: ShotHeaderContent): ShotHeaderLayout {
  const fixed = PADDING + Math.max(NUMBER_MIN, content.number.length * SMALL_CHAR) + NUMBER_PADDING + GAP + content.duration.length * SMALL_CHAR
  const titleRoom = (badges: number[]) => width - fixed - badges.reduce((sum, badge) => sum + badge + GAP, 0)
  const wanted = Math.min(MIN_TITLE_WIDTH, content.title ? content.title.length * TITLE_CHAR : UNTITLED_WIDTH)
  const tiers: { review: ReviewBadgeForm; sound: boolean; assignee: boolean }[] = [
    { review: 'full', sound: true, assignee: true },
    { review: 'compact', sound: true, assignee: true },
    { review: 'minimal', sound: false, assignee: true },
  ]
  for (const tier of tiers) {
    const review = content.review ? reviewWidth(content.review, tier.review) : 0
    const badges = [review, content.sound && tier.sound ? SOUND : 0, content.assignee && tier.assignee ? ASSIGNEE : 0].filter((w) => w > 0)
    const room = titleRoom(badges)
    if (room >= wanted) {
      return {
        review: content.review ? tier.review : 'none',
        sound: content.sound && tier.sound,
        assignee: content.assignee && tier.assignee,
        titleWidth: room,
      }
    }
  }
  return { review: 'none', sound: false, assignee: false, titleWidth: titleRoom([]) }
}

/** The review badge's width in each form: comments (icon and count), drawings (pencil and count), verdict. */
function reviewWidth(review: NonNullable<ShotHeaderContent['review']>, form: ReviewBadgeForm): number {
  const count = (n: number) => String(Math.max(1, n)).length * SMALL_CHAR
  const comments = 10 + 11 + 3 + 4 + count(review.openThreads)
  const drawings = review.drawnComments > 0 ? 9 + 10 + 2 + count(review.drawnComments) : 0
  const verdict = review.verdict ? VERDICT : 0
  const parts = form === 'full' ? [comments, drawings, verdict] : form === 'compact' ? [comments, verdict] : form === 'minimal' ? [verdict || comments] : []
  const shown = parts.filter((w) => w > 0)
  return shown.reduce((sum, w) => sum + w, 0) + Math.max(0, shown.length - 1) * REVIEW_GAP
}
