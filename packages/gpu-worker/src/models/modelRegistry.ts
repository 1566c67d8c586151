import { readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelFamily } from '@storyloom/shared/generation/modelManifest'
import { ModelFolderError, ModelFolderUnreadableError, WorkerError, type WorkerErrorCode } from '../errors'
import type { SchedulerKind } from '../scheduler/schedulerConfig'
import { TINY_MODEL_ID, buildTinyModel } from './buildTinyModel'
import { isPermissionError, unreadableFolderError, unwritableFolderError } from './folderAccess'
import { readModelFolder } from './modelFolder'
import { createStagingDir, isHiddenEntry, modelsDirProblem, moveIntoPlace, removeFolderAtomically } from './modelsDir'

/** A model folder the worker can load, as its manifest and layout describe it. */
export type InstalledModel = {
  usable: true
  /** The manifest's id (the folder name, for folders the installer wrote). */
  id: string
  name: string
  family: ModelFamily
  /**
   * The sampler its folder asks for. (An LCM UNet without any scheduler config is only
   * recognised once loaded: the loader then switches to LCM.)
   */
  scheduler: SchedulerKind
  license: string
  nonCommercial: boolean
  /** The project's own small model. */
  builtIn: boolean
  /** It has a VAE encoder. */
  supportsImageToImage: boolean
  /** It has an image encoder (image prompts from style, character, location and prop references; the UNet's inputs are checked at load). */
  supportsImagePrompts: boolean
  dir: string
}

/** A folder in the models directory that is not a usable model, and why. */
export type UnusableModel = {
  usable: false
  /** The folder name. */
  id: string
  dir: string
  /** `unreadable`: this process may not read it (another user's files); it may be a good model, so it is never moved or rebuilt. */
  problem: { code: WorkerErrorCode | null; message: string; unreadable: boolean }
}

/** One entry of {@link listModels}. */
export type ModelListing = InstalledModel | UnusableModel

/**
 * Lists every model folder in `modelsDir`, sorted by id. Reads each folder's layout,
 * model.json and scheduler config (cheap: no ONNX session is opened, so signatures are
 * checked when a model is loaded or installed). A broken folder never makes the listing
 * fail: it is listed as unusable with the loader's clear reason. A missing directory lists
 * nothing.
 */
export async function listModels(modelsDir: string): Promise<ModelListing[]> {
  let names: string[]
  try {
    const entries = await readdir(modelsDir, { withFileTypes: true })
    names = entries.filter((e) => e.isDirectory() && !isHiddenEntry(e.name)).map((e) => e.name)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    if (isPermissionError(error)) throw unreadableFolderError(modelsDir, modelsDir, error, modelsDir)
    const problem = modelsDirProblem(modelsDir)
    if (problem !== undefined) throw new ModelFolderError(problem, { cause: error })
    throw error
  }
  names.sort()
  const listings: ModelListing[] = []
  const seen = new Map<string, string>()
  for (const name of names) {
    const listing = await describeFolder(join(modelsDir, name), name)
    if (listing.usable) {
      const owner = seen.get(listing.id)
      if (owner !== undefined) {
        listings.push(unusable(name, listing.dir, new ModelFolderError(`${listing.dir}: its model.json says id "${listing.id}", which folder ${owner} already has`)))
        continue
      }
      seen.set(listing.id, name)
    }
    listings.push(listing)
  }
  return listings.sort((a, b) => a.id.localeCompare(b.id))
}

/** Reads one folder as a listing; never throws for a bad folder. */
export async function describeFolder(dir: string, name: string): Promise<ModelListing> {
  try {
    const folder = await readModelFolder(dir)
    const { manifest } = folder
    return {
      usable: true,
      id: manifest.id,
      name: manifest.name,
      family: manifest.family,
      scheduler: folder.scheduler.kind,
      license: manifest.license,
      nonCommercial: manifest.nonCommercial,
      builtIn: manifest.builtIn,
      supportsImageToImage: folder.onnx.vae_encoder !== null,
      supportsImagePrompts: folder.onnx.image_encoder !== null,
      dir: folder.dir,
    }
  } catch (error) {
    return unusable(name, dir, error)
  }
}

function unusable(id: string, dir: string, error: unknown): UnusableModel {
  const code = error instanceof WorkerError ? error.code : null
  const message = error instanceof Error ? error.message : String(error)
  return { usable: false, id, dir, problem: { code, message, unreadable: error instanceof ModelFolderUnreadableError } }
}

/**
 * Makes sure the built-in model is in `modelsDir` and returns it. It is written to a staging
 * folder and renamed into place, so a crash never leaves half a model; a broken built-in
 * folder is replaced (the project regenerates it byte for byte, so nothing is lost). Safe when
 * several workers start at once: the first rename wins and the others use its folder.
 *
 * A folder this process may not read is not broken: it throws {@link ModelFolderUnreadableError}
 * and leaves the folder where and as it is.
 */
export async function ensureBuiltInModel(modelsDir: string): Promise<InstalledModel> {
  const target = join(modelsDir, TINY_MODEL_ID)
  let listing = readableOrThrow(await describeFolder(target, TINY_MODEL_ID))
  if (listing.usable && listing.supportsImagePrompts) return listing
  // Written by an older Storyloom (no image encoder): rebuild it, nothing is lost.
  if (listing.usable) await removeFolderAtomically(modelsDir, target)
  let staging: string | null = null
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (staging === null) {
        staging = await createStagingDir(modelsDir, 'build').catch((error: unknown) => {
          throw isPermissionError(error) ? unwritableFolderError(modelsDir, error) : error
        })
        await buildTinyModel(staging)
      }
      if (await moveIntoPlace(staging, target)) staging = null
      listing = readableOrThrow(await describeFolder(target, TINY_MODEL_ID))
      if (listing.usable) return listing
      await setAsideBroken(modelsDir, target)
    }
    return usableOrThrow(target)(listing)
  } finally {
    if (staging !== null) await removeFolderAtomically(modelsDir, staging)
  }
}

/**
 * Moves a broken built-in folder out of the way. Another process may have put a good copy in
 * place since it was found broken: a good folder is put back (or, if yet another copy arrived
 * meanwhile, dropped — every build is byte-identical).
 */
async function setAsideBroken(modelsDir: string, target: string): Promise<void> {
  const aside = await createStagingDir(modelsDir, 'aside')
  const moved = join(aside, TINY_MODEL_ID)
  try {
    await rename(target, moved)
  } catch (error) {
    await rm(aside, { recursive: true, force: true })
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  if ((await describeFolder(moved, TINY_MODEL_ID)).usable) await moveIntoPlace(moved, target)
  await rm(aside, { recursive: true, force: true })
}

/** The listing, unless this process may not read the folder: then the folder's clear reason is thrown. */
function readableOrThrow(listing: ModelListing): ModelListing {
  if (!listing.usable && listing.problem.unreadable) throw new ModelFolderUnreadableError(listing.problem.message)
  return listing
}

function usableOrThrow(target: string): (listing: ModelListing) => InstalledModel {
  return (listing) => {
    if (!listing.usable) throw new ModelFolderError(`the built-in model could not be written to ${target}: ${listing.problem.message}`)
    return listing
  }
}

/** Options of {@link chooseDefaultModel}. */
export type ChooseModelOptions = {
  /** Use this model (e.g. from `STORYLOOM_MODEL`); an id that is missing or unusable is an error, never silently replaced. */
  preferredId?: string
  /** Without `preferredId`: installed models not to choose (ones that would not load). */
  skip?: readonly string[]
}

/**
 * The model a worker runs when a request does not name one: `preferredId` when given, else the
 * first usable installed model (by id) that is not the built-in one, else the built-in model,
 * which is built into `modelsDir` when absent.
 *
 * Throws {@link ModelFolderError} when `preferredId` is not installed or not usable (with the
 * folder's reason).
 */
export async function chooseDefaultModel(modelsDir: string, options: ChooseModelOptions = {}): Promise<InstalledModel> {
  const { preferredId } = options
  if (preferredId === TINY_MODEL_ID) return ensureBuiltInModel(modelsDir)
  const listings = await listModels(modelsDir)
  if (preferredId !== undefined) {
    const wanted = listings.find((l) => l.id === preferredId)
    if (!wanted) {
      const known = listings.filter((l) => l.usable).map((l) => l.id)
      throw new ModelFolderError(`model "${preferredId}" is not installed in ${modelsDir} (installed: ${known.join(', ') || 'none'})`)
    }
    if (!wanted.usable) throw new ModelFolderError(`model "${preferredId}" cannot be used: ${wanted.problem.message}`)
    return wanted
  }
  // A folder that may not be read could be the model meant to run: say so rather than fall back.
  const unreadable = listings.find((l) => !l.usable && l.problem.unreadable)
  if (unreadable) readableOrThrow(unreadable)
  const real = listings.find((l): l is InstalledModel => l.usable && !l.builtIn && !options.skip?.includes(l.id))
  return real ?? ensureBuiltInModel(modelsDir)
}

/**
 * Checks, before a worker connects anywhere, that the model `STORYLOOM_MODEL` names (`id`) is
 * installed in `modelsDir` and usable: a worker never runs another model in its place, and one
 * that could take no job must not start. Throws a {@link ModelFolderError} whose message is the
 * one line an operator needs: what was asked, what is installed, how to install it or unset it
 * ({@link ModelFolderUnreadableError} when this process may not read the folder).
 */
export async function requirePreferredModel(modelsDir: string, id: string): Promise<void> {
  if (id === TINY_MODEL_ID) return // built when absent
  const listings = await listModels(modelsDir)
  const wanted = listings.find((l) => l.id === id)
  if (wanted?.usable) return
  if (wanted) {
    readableOrThrow(wanted) // another user's files: what to change is their owner, not STORYLOOM_MODEL
    throw new ModelFolderError(`STORYLOOM_MODEL is "${id}", but that model cannot be used: ${wanted.problem.message}. Fix or reinstall it (\`pnpm models list --check\`), or unset STORYLOOM_MODEL`)
  }
  const installed = listings.filter((l) => l.usable && !l.builtIn).map((l) => l.id)
  throw new ModelFolderError(
    `STORYLOOM_MODEL is "${id}", but no such model is installed in ${modelsDir} (installed: ${installed.join(', ') || 'none'}; the built-in ${TINY_MODEL_ID} is always available): install it with \`pnpm models install <url|archive|folder> --id ${id}\`, or unset STORYLOOM_MODEL`,
  )
}

/** The usable model with `id`, or undefined. */
export async function findModel(modelsDir: string, id: string): Promise<InstalledModel | undefined> {
  const listing = (await listModels(modelsDir)).find((l) => l.id === id)
  return listing?.usable ? listing : undefined
}
