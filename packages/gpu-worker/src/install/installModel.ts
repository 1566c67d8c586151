import { chmod, cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { modelIdSchema, modelManifestSchema } from '@storyloom/shared/generation/modelManifest'
import { ModelInstallError, WorkerError } from '../errors'
import { loadModel } from '../models/loadModel'
import { readModelFolder } from '../models/modelFolder'
import { describeFolder, listModels, type InstalledModel } from '../models/modelRegistry'
import type { DeviceRequest } from '../models/executionProviders'
import { createStagingDir, moveIntoPlace, removeFolderAtomically, sweepLeftovers } from '../models/modelsDir'
import { displayUrl, downloadArchive, formatBytes } from './downloadArchive'
import { extractArchive } from './extractArchive'
import { knownLicense } from './knownLicenses'

/** Options of {@link installModel}. */
export type InstallOptions = {
  /** The installed model's id (its folder name); default: the folder's model.json id, else the source's name. */
  id?: string
  /** Largest download and largest unpacked archive accepted, in bytes. Default 32 GB. */
  maxBytes?: number
  /** Device the check opens the sessions on (default `auto`: fp16 exports may need the GPU). */
  device?: DeviceRequest
  /** Progress lines ("downloading…", "checking…"). */
  log?: (line: string) => void
}

/** Default size limit of a download or an unpacked archive: SDXL-size exports fit. */
export const DEFAULT_MAX_INSTALL_BYTES = 32 * 1024 ** 3

const archivePattern = /\.(tar|tar\.gz|tgz)$/iu

/**
 * Installs a model folder into `modelsDir` from a local folder, a local .tar/.tar.gz/.tgz
 * archive, or an http(s) URL of such an archive. Everything happens in a staging folder inside
 * `modelsDir`: the archive is downloaded (size-limited) and vetted (no path leaves the folder,
 * no links) before it is unpacked, the layout and manifest are read, and every ONNX session is
 * opened and its signature checked; only then is the folder renamed into place in one step. A
 * failed install leaves nothing behind and never touches installed models.
 *
 * A folder without model.json gets one (id, family from its tokenizer, license when the model
 * is a well-known one, else "unknown"); `id` rewrites the id of one that has it.
 *
 * Errors: {@link ModelInstallError} (source, download, archive, id taken), and the loader's
 * ModelFolderError / ModelLoadError / ModelSignatureError naming the source, not the staging folder.
 */
export async function installModel(source: string, modelsDir: string, options: InstallOptions = {}): Promise<InstalledModel> {
  const log = options.log ?? (() => undefined)
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INSTALL_BYTES
  if (options.id !== undefined) {
    const parsed = modelIdSchema.safeParse(options.id)
    if (!parsed.success) throw new ModelInstallError(`"${options.id}" cannot be a model id: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
    await refuseTakenId(modelsDir, options.id)
  }

  await sweepLeftovers(modelsDir)
  const staging = await createStagingDir(modelsDir, 'install')
  const content = join(staging, 'content')
  let shownAs = source
  try {
    let sourceName: string
    if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(source)) {
      const url = parseUrl(source)
      shownAs = displayUrl(url)
      sourceName = stripArchiveExtension(safeDecode(basename(url.pathname)))
      const archive = join(staging, 'download')
      log(`downloading ${shownAs}`)
      const bytes = await downloadArchive(url, archive, { maxBytes, idleTimeoutMs: 60_000 })
      log(`downloaded ${formatBytes(bytes)}, unpacking`)
      await extractInto(archive, content, maxBytes, shownAs)
    } else {
      const info = await stat(source).catch((cause: unknown) => {
        throw new ModelInstallError(`${source}: no such file or folder`, { cause })
      })
      if (info.isDirectory()) {
        sourceName = basename(source)
        log(`copying ${source}`)
        // Links are copied as the files they point to: an installed model holds only its own files.
        await cp(source, content, { recursive: true, dereference: true, errorOnExist: true })
      } else {
        if (!archivePattern.test(source)) throw new ModelInstallError(`${source}: not a model folder or a .tar, .tar.gz or .tgz archive`)
        sourceName = stripArchiveExtension(basename(source))
        log(`unpacking ${source}`)
        await extractInto(source, content, maxBytes, source)
      }
    }

    const root = await findModelRoot(content)
    if (root !== content) sourceName = basename(root)
    const id = await writeManifest(root, sourceName, options.id)
    if (options.id === undefined) await refuseTakenId(modelsDir, id)

    log(`checking ${id}: opening every ONNX session and checking its inputs and outputs`)
    const model = await loadModel(root, { warmUp: false, device: options.device ?? 'auto' })
    await model.release()

    await giveUsualModes(root)
    const target = join(modelsDir, id)
    if (!(await moveIntoPlace(root, target))) await refuseTakenId(modelsDir, id, true)
    const installed = await describeFolder(target, id)
    if (!installed.usable) throw new ModelInstallError(`${target} was installed but cannot be read: ${installed.problem.message}`)
    return installed
  } catch (error) {
    throw renameStagingPaths(error, staging, shownAs)
  } finally {
    await removeFolderAtomically(modelsDir, staging)
  }
}

/**
 * Gives the model folder the modes a newly made folder and file get here (0755 and 0644 less
 * the umask), whatever the source had: a private source folder (a mkdtemp folder is 0700) or
 * an archive's odd modes must not leave a model that a worker running as another user cannot
 * read, and a model's files are data, never executable.
 */
async function giveUsualModes(root: string): Promise<void> {
  const umask = process.umask()
  await chmod(root, 0o755 & ~umask)
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    await chmod(join(entry.parentPath, entry.name), (entry.isDirectory() ? 0o755 : 0o644) & ~umask)
  }
}

/**
 * Removes the model `id` from `modelsDir` (renamed away, then deleted, so a worker listing the
 * directory never sees half of it). Returns the removed folder. The built-in model may be
 * removed too: it is rebuilt the next time a worker starts without another model.
 */
export async function removeModel(modelsDir: string, id: string): Promise<string> {
  const listing = (await listModels(modelsDir)).find((l) => l.id === id)
  if (!listing) throw new ModelInstallError(`model "${id}" is not installed in ${modelsDir}`)
  await removeFolderAtomically(modelsDir, listing.dir)
  return listing.dir
}

async function extractInto(archive: string, content: string, maxBytes: number, shownAs: string): Promise<void> {
  await mkdir(content)
  await extractArchive(archive, content, { maxBytes, maxEntries: 10_000 }, shownAs)
}

function parseUrl(source: string): URL {
  let url: URL
  try {
    url = new URL(source)
  } catch (cause) {
    throw new ModelInstallError(`${source} is not a valid URL`, { cause })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ModelInstallError(`${displayUrl(url)}: only http and https URLs can be installed`)
  return url
}

/** A URL path segment decoded, or as it is when its escapes are malformed. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function stripArchiveExtension(name: string): string {
  return name.replace(archivePattern, '')
}

/** The folder inside an unpacked source that holds the model: descends through single wrapping folders. */
async function findModelRoot(dir: string, depth = 0): Promise<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.') && e.name !== '__MACOSX')
  const looksLikeModel = entries.some((e) => e.name === 'model.json' || e.name === 'unet')
  const [only] = entries
  if (!looksLikeModel && entries.length === 1 && only?.isDirectory() && depth < 3) return findModelRoot(join(dir, only.name), depth + 1)
  return dir
}

/** A model id made from a file or folder name ("SD-Turbo ONNX" → "sd-turbo-onnx"). */
function idFromName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/gu, '-').replace(/^[^a-z0-9]+/u, '').replace(/-+$/u, '').slice(0, 64) || 'model'
}

/**
 * Gives the staged folder a model.json with its final id: rewrites the id of an existing one
 * when `requestedId` differs, or writes one for a plain export. Returns the id.
 */
async function writeManifest(root: string, sourceName: string, requestedId: string | undefined): Promise<string> {
  const folder = await readModelFolder(root)
  const manifestPath = join(root, 'model.json')
  if (folder.hasManifestFile) {
    if (requestedId === undefined || requestedId === folder.manifest.id) return folder.manifest.id
    const raw = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>
    await writeFile(manifestPath, `${JSON.stringify({ ...raw, id: requestedId }, null, 2)}\n`)
    return requestedId
  }
  const id = requestedId ?? idFromName(sourceName)
  const parsedId = modelIdSchema.safeParse(id)
  if (!parsedId.success) throw new ModelInstallError(`"${id}" cannot be a model id; pick one with --id`)
  const license = knownLicense(sourceName)
  const manifest = modelManifestSchema.parse({
    ...folder.manifest,
    id,
    name: sourceName.slice(0, 120) || id,
    license: license?.license ?? 'unknown (installed without a model.json; edit it to record the license)',
    nonCommercial: license?.nonCommercial ?? false,
  })
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  return id
}

async function refuseTakenId(modelsDir: string, id: string, raced = false): Promise<void> {
  const taken = (await listModels(modelsDir)).find((l) => l.id === id)
  const folderExists = await stat(join(modelsDir, id)).then(() => true, () => false)
  if (taken || folderExists || raced) {
    throw new ModelInstallError(`a model "${id}" is already installed in ${modelsDir}: remove it first (pnpm models remove ${id}) or choose another id with --id`)
  }
}

/** Loader errors name the staging folder; a user needs to read the source they gave instead. */
function renameStagingPaths(error: unknown, staging: string, shownAs: string): unknown {
  if (!(error instanceof WorkerError) || !error.message.includes(staging)) return error
  const message = error.message.replaceAll(join(staging, 'content'), shownAs).replaceAll(staging, shownAs)
  const Named = error.constructor as new (message: string, options?: { cause?: unknown }) => WorkerError
  return new Named(message, { cause: error })
}
