import { z } from 'zod'
import { MAX_ID_LENGTH } from '../storyboard/limits'
import { reviewerNameSchema } from './shareLinks'

/** What a reviewer says about a shot. The shot's status follows the latest verdict. */
export const SHOT_VERDICTS = [
  { id: 'approved', label: 'Approved' },
  { id: 'changes-requested', label: 'Changes requested' },
] as const
export type ShotVerdict = (typeof SHOT_VERDICTS)[number]['id']
export const shotVerdictSchema = z.enum(['approved', 'changes-requested'])

/**
 * Body of POST /api/review/:token/verdicts. `verdict: null` takes back the shot's verdict, which
 * must be this reviewer's (a verdict given by mistake); the shot then has none.
 */
export const verdictRequestSchema = z.object({
  shotId: z.string().startsWith('shape:', 'not a shot id').max(MAX_ID_LENGTH),
  verdict: shotVerdictSchema.nullable(),
  reviewerName: reviewerNameSchema,
})
export type VerdictRequest = z.input<typeof verdictRequestSchema>

export const verdictResponseSchema = z.object({
  shotId: z.string(),
  /** null: the reviewer took their verdict back. */
  verdict: shotVerdictSchema.nullable(),
  reviewerName: z.string(),
  createdAt: z.iso.datetime(),
})
export type VerdictResponse = z.infer<typeof verdictResponseSchema>


/**
 * GET /api/review/:token/verdicts/mine: the shots of the link's board whose verdict is the
 * caller's (their browser's or account's, not their typed name's), so the review page shows
 * only those as theirs to take back. Per caller: never part of the live review summary.
 */
export const ownVerdictsResponseSchema = z.object({
  verdicts: z.array(z.object({ shotId: z.string(), verdict: shotVerdictSchema })),
})
export type OwnVerdictsResponse = z.infer<typeof ownVerdictsResponseSchema>

/**
 * GET /api/boards/:boardId/verdicts (the team, viewers too): each shot's current verdict — its
 * latest, unless that one took it back — with who gave it, when, and through which review link
 * (`linkLabel`: the label the team gave it, "" for none); and the links' labels, to name the
 * link a reviewer's comment came through. For the printed review notes.
 */
export const boardVerdictsResponseSchema = z.object({
  verdicts: z.array(
    z.object({
      shotId: z.string(),
      verdict: shotVerdictSchema,
      reviewerName: z.string(),
      createdAt: z.iso.datetime(),
      shareLinkId: z.string(),
      linkLabel: z.string(),
    }),
  ),
  /** The board's review links (revoked and expired ones too), by id and label only: never their tokens. */
  links: z.array(z.object({ id: z.string(), label: z.string() })),
})
export type BoardVerdictsResponse = z.infer<typeof boardVerdictsResponseSchema>
