import { z } from 'zod'
import { MAX_ID_LENGTH, MAX_TITLE_LENGTH } from '@storyloom/shared/storyboard/limits'
import { shotIdSchema } from '@storyloom/shared/generation/api'
import {
  versionAssetSchema,
  versionIdSchema,
  versionLabelSchema,
  versionParamsSchema,
  versionSourceSchema,
} from '@storyloom/shared/versions/shotVersion'

/**
 * What `recordVersion` needs. Generation results (from the job path), uploads (from the API)
 * and restores all come through it, so it is validated here rather than trusted.
 */
export const recordVersionInputSchema = z
  .object({
    boardId: z.string().min(1).max(128),
    shotId: shotIdSchema,
    parentId: versionIdSchema.nullable().default(null),
    source: versionSourceSchema,
    params: versionParamsSchema.nullable().default(null),
    assets: z.array(versionAssetSchema).min(1, 'a version needs at least one asset').max(8),
    modelId: z.string().min(1).max(MAX_ID_LENGTH).nullable().default(null),
    builtInModel: z.boolean().default(false),
    jobId: z.string().min(1).max(MAX_ID_LENGTH).nullable().default(null),
    variationIndex: z.number().int().min(0).max(63).nullable().default(null),
    restoredFromId: versionIdSchema.nullable().default(null),
    authorId: z.string().min(1).max(MAX_ID_LENGTH),
    authorName: z.string().max(MAX_TITLE_LENGTH),
    label: versionLabelSchema.default(''),
    /** Defaults to now. */
    createdAt: z.date().optional(),
  })
  .refine((input) => (input.jobId === null) === (input.variationIndex === null), {
    message: 'jobId and variationIndex go together',
    path: ['variationIndex'],
  })
  .refine((input) => input.source !== 'generation' || input.params !== null, {
    message: 'a generated version needs the params that made it',
    path: ['params'],
  })
export type RecordVersionInput = z.input<typeof recordVersionInputSchema>
