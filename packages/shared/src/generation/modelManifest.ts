import { z } from 'zod'

/**
 * `model.json`: what a model folder says about itself. The worker reads it when it loads a
 * model; the server and canvas show its name and license so a user always knows which model
 * made an image (and when it was the project's built-in one).
 */
export const modelFamilies = ['sd1', 'sd2', 'storyloom-tiny'] as const
export type ModelFamily = (typeof modelFamilies)[number]

/** Samplers the worker implements (both suit few-step turbo / LCM models). */
export const modelSchedulers = ['euler', 'lcm'] as const
export type ModelScheduler = (typeof modelSchedulers)[number]

/** A model id: the folder name under the models directory. */
export const modelIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/u, 'lower-case letters, digits, ".", "_" or "-", at most 64')

export const modelManifestSchema = z.object({
  id: modelIdSchema,
  /** Shown in the UI next to every result. */
  name: z.string().min(1).max(120),
  family: z.enum(modelFamilies),
  /** The weights' license, e.g. "CreativeML OpenRAIL-M" or "Stability AI Non-Commercial Community License". */
  license: z.string().min(1),
  /** True when the license forbids commercial use (SD-Turbo, SDXL-Turbo): the UI says so. */
  nonCommercial: z.boolean().default(false),
  /** True only for the small model the project builds itself. */
  builtIn: z.boolean().default(false),
  /** Sampler to use; without it the folder's scheduler_config.json decides (LCMScheduler → lcm, else euler). */
  scheduler: z.enum(modelSchedulers).optional(),
  /** Token id the prompt is padded with: 0 for SD2/SD-Turbo, 49407 for SD1.x. Defaults to the tokenizer folder's. */
  padTokenId: z.number().int().nonnegative().optional(),
  /** VAE latent scaling factor (0.18215 for SD1/SD2). Defaults to vae_decoder/config.json's. */
  vaeScalingFactor: z.number().positive().optional(),
  /** What a generation uses when the request does not say. */
  defaults: z
    .object({
      steps: z.number().int().min(1).max(100),
      guidance: z.number().min(0).max(30),
      width: z.number().int().min(64).max(2048).multipleOf(8),
      height: z.number().int().min(64).max(2048).multipleOf(8),
    })
    .partial()
    .default({}),
})

/** A parsed, defaulted `model.json`. */
export type ModelManifest = z.infer<typeof modelManifestSchema>
/** A `model.json` as written (defaults optional). */
export type ModelManifestInput = z.input<typeof modelManifestSchema>
