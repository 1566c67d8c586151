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

/** Body of POST /api/review/:token/verdicts. */
export const verdictRequestSchema = z.object({
  shotId: z.string().startsWith('shape:', 'not a shot id').max(MAX_ID_LENGTH),
  verdict: shotVerdictSchema,
  reviewerName: reviewerNameSchema,
})
export type VerdictRequest = z.input<typeof verdictRequestSchema>

export type VerdictResponse = {
  shotId: string
  verdict: ShotVerdict
  reviewerName: string
  createdAt: string
}
