import { z } from 'zod'
import { modelIdSchema } from './modelManifest'

/**
 * The generation job contract: what the server puts on the queue and what a worker reads back.
 * Both queue backends (BullMQ, embedded SQLite) validate job data against these schemas, and the
 * HTTP API will build on them.
 */

/** A job's lifecycle, as hosted generation APIs name it. */
export const generationJobStatuses = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const
export type GenerationJobStatus = (typeof generationJobStatuses)[number]

/** Statuses a job never leaves. */
export const finishedGenerationJobStatuses: readonly GenerationJobStatus[] = ['succeeded', 'failed', 'canceled']

/** 1 runs first; BullMQ's range, so both backends order the same way. */
export const minJobPriority = 1
export const maxJobPriority = 2_097_152
export const jobPrioritySchema = z.number().int().min(minJobPriority).max(maxJobPriority)

/** What a generation is asked to make. */
export const generationParamsSchema = z.object({
  prompt: z.string().min(1).max(2000),
  negativePrompt: z.string().max(2000).default(''),
  seed: z.number().int().min(0).max(0xffff_ffff),
  steps: z.number().int().min(1).max(100),
  guidance: z.number().min(0).max(30),
  width: z.number().int().min(64).max(2048).multipleOf(8),
  height: z.number().int().min(64).max(2048).multipleOf(8),
  variations: z.number().int().min(1).max(8).default(1),
  modelId: modelIdSchema,
  /** Image-to-image strength; only with a composition reference. */
  strength: z.number().min(0).max(1).optional(),
  /** The shot's references; opaque until the reference contract lands. */
  references: z.array(z.unknown()).default([]),
  /** The shot's motion annotations; opaque until the motion contract lands. */
  motion: z.array(z.unknown()).default([]),
})
export type GenerationParams = z.infer<typeof generationParamsSchema>
export type GenerationParamsInput = z.input<typeof generationParamsSchema>

/** The job data a caller enqueues. */
export const generationJobDataSchema = z.object({
  boardId: z.string().min(1).max(128),
  shotId: z.string().min(1).max(128),
  /** User id of whoever started it (shown in the queue panel, used for per-user caps). */
  requestedBy: z.string().min(1).max(128),
  params: generationParamsSchema,
})
export type GenerationJobData = z.infer<typeof generationJobDataSchema>
export type GenerationJobDataInput = z.input<typeof generationJobDataSchema>

/** A job as a queue reports it. `Result` is what the worker returned on success. */
export interface GenerationJob<Result = unknown> extends GenerationJobData {
  id: string
  priority: number
  status: GenerationJobStatus
  /** How many times a worker started it (1 on the first run). */
  attempts: number
  /** 0..1, as last reported by the worker. */
  progress: number
  /** Why it failed (the worker's error message); set only when `status` is `failed`. */
  error?: string
  /** Set only when `status` is `succeeded`. */
  result?: Result
  createdAt: number
  startedAt?: number
  finishedAt?: number
}
