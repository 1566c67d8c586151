import { basename, join, resolve } from 'node:path'
import { modelManifestSchema, type ModelManifest } from '@storyloom/shared/generation/modelManifest'
import { ModelFolderError } from '../errors'
import { isReadableFile, readOptionalText, statFolder, unreadableFolderError } from './folderAccess'
import { readDeclaredPadToken } from '../tokenizer/clipTokenizer'
import { defaultSchedulerConfig, parseSchedulerConfig, type SchedulerConfig } from '../scheduler/schedulerConfig'
import type { ModelComponent } from './modelSignature'

/** Components a model folder may leave out. */
export type OptionalComponent = 'vae_encoder' | 'image_encoder'
export type RequiredComponent = Exclude<ModelComponent, OptionalComponent>

/** SD1/SD2's VAE latent scaling factor, used when a folder does not say. */
export const DEFAULT_VAE_SCALING_FACTOR = 0.18215

/** A model folder whose layout and configuration files have been read and checked. */
export type ModelFolder = {
  /** Absolute path of the folder. */
  dir: string
  manifest: ModelManifest
  /** Whether the manifest came from model.json (false: inferred from the folder). */
  hasManifestFile: boolean
  tokenizerDir: string
  /**
   * Path of each component's model.onnx; `vae_encoder` (image-to-image) and `image_encoder`
   * (image prompts) are optional.
   */
  onnx: Record<RequiredComponent, string> & Record<OptionalComponent, string | null>
  scheduler: SchedulerConfig
  vaeScalingFactor: number
}

async function readJson(dir: string, path: string): Promise<unknown | undefined> {
  const text = await readOptionalText(dir, join(dir, path))
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch (cause) {
    throw new ModelFolderError(`${dir}: ${path} is not valid JSON`, { cause })
  }
}

/**
 * Reads a model folder in the standard per-component layout:
 *
 * ```
 * model.json                      Storyloom's manifest (optional for a plain diffusers/optimum export)
 * tokenizer/vocab.json, merges.txt
 * text_encoder/model.onnx
 * unet/model.onnx
 * vae_decoder/model.onnx          (+ config.json with scaling_factor, optional)
 * vae_encoder/model.onnx          optional: enables image-to-image
 * image_encoder/model.onnx        optional: image prompts (pixel_values → image_embeds; the UNet takes image_embeds)
 * scheduler/scheduler_config.json optional
 * ```
 *
 * Throws a {@link ModelFolderError} naming the folder and what is missing or invalid, and a
 * {@link ModelFolderUnreadableError} when this process may not read part of it (never taken for
 * a missing file: the folder may be a good model that belongs to another user). Signatures are checked later, once onnxruntime has opened each model.
 */
export async function readModelFolder(folder: string): Promise<ModelFolder> {
  const dir = resolve(folder)
  const info = await statFolder(dir)
  if (info === null) throw new ModelFolderError(`${dir}: no such model folder`)
  if (!info.isDirectory()) throw new ModelFolderError(`${dir}: is not a folder`)

  const required = ['tokenizer/vocab.json', 'tokenizer/merges.txt', 'text_encoder/model.onnx', 'unet/model.onnx', 'vae_decoder/model.onnx']
  const missing: string[] = []
  for (const path of required) if (!(await isReadableFile(dir, join(dir, path)))) missing.push(path)
  if (missing.length > 0) {
    throw new ModelFolderError(`${dir}: not a Stable-Diffusion model folder, missing ${missing.join(', ')}`)
  }
  const encoder = join(dir, 'vae_encoder/model.onnx')
  const imageEncoder = join(dir, 'image_encoder/model.onnx')

  const manifestJson = await readJson(dir, 'model.json')
  let manifest: ModelManifest
  if (manifestJson === undefined) {
    manifest = await inferManifest(dir)
  } else {
    const parsed = modelManifestSchema.safeParse(manifestJson)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
      throw new ModelFolderError(`${dir}: model.json is invalid (${problems})`, { cause: parsed.error })
    }
    manifest = parsed.data
  }

  const schedulerJson = await readJson(dir, 'scheduler/scheduler_config.json')
  let scheduler: SchedulerConfig
  try {
    scheduler = schedulerJson === undefined ? { ...defaultSchedulerConfig, kind: manifest.scheduler ?? 'euler' } : parseSchedulerConfig(schedulerJson, manifest.scheduler)
  } catch (cause) {
    throw new ModelFolderError(`${dir}: scheduler/scheduler_config.json asks for a schedule the worker does not implement`, { cause })
  }

  const vaeConfig = (await readJson(dir, 'vae_decoder/config.json')) as { scaling_factor?: unknown } | undefined
  const declaredScaling = typeof vaeConfig?.scaling_factor === 'number' ? vaeConfig.scaling_factor : undefined

  return {
    dir,
    manifest,
    hasManifestFile: manifestJson !== undefined,
    tokenizerDir: join(dir, 'tokenizer'),
    onnx: {
      text_encoder: join(dir, 'text_encoder/model.onnx'),
      unet: join(dir, 'unet/model.onnx'),
      vae_decoder: join(dir, 'vae_decoder/model.onnx'),
      vae_encoder: (await isReadableFile(dir, encoder)) ? encoder : null,
      image_encoder: (await isReadableFile(dir, imageEncoder)) ? imageEncoder : null,
    },
    scheduler,
    vaeScalingFactor: manifest.vaeScalingFactor ?? declaredScaling ?? DEFAULT_VAE_SCALING_FACTOR,
  }
}

/** A manifest for a plain export without model.json: named after its folder, license unknown. */
async function inferManifest(dir: string): Promise<ModelManifest> {
  const name = basename(dir)
  const id = name.toLowerCase().replace(/[^a-z0-9._-]+/gu, '-').replace(/^[^a-z0-9]+/u, '').slice(0, 64) || 'model'
  // SD2-family tokenizers pad with "!"; SD1's with the end token.
  const pad = await readDeclaredPadToken(join(dir, 'tokenizer')).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'EPERM') throw unreadableFolderError(dir, join(dir, 'tokenizer'), error)
    return undefined
  })
  return modelManifestSchema.parse({ id, name, family: pad === '!' ? 'sd2' : 'sd1', license: 'unknown (the folder has no model.json)' })
}
