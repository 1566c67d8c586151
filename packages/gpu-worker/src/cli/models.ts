import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { WorkerError } from '../errors'
import { DEFAULT_MAX_INSTALL_BYTES, installModel, removeModel } from '../install/installModel'
import { NON_COMMERCIAL_NOTICE } from '../install/knownLicenses'
import { parseDeviceRequest } from '../models/executionProviders'
import { loadModel } from '../models/loadModel'
import { listModels, type InstalledModel, type ModelListing } from '../models/modelRegistry'
import { resolveModelsDir } from '../models/modelsDir'
import { TINY_MODEL_ID } from '../models/buildTinyModel'

// `pnpm models <list|install|remove|help> …` (root; bin/models.sh runs this file in pnpm's place).
// Exit codes: 0 done, 1 refused or failed (message with its code), 2 bad usage.

const usage = `Usage: pnpm models <command>

  list [--check]                  installed models; --check also opens every ONNX session and checks its signature
  install <url|archive|folder> [--id <id>] [--max-gb <n>]
                                  installs a model folder from a local folder, a .tar/.tar.gz/.tgz archive,
                                  or an http(s) URL of one; checked before it is moved into place
  remove <id>                     removes an installed model

Models directory: STORYLOOM_MODELS_DIR, else STORYLOOM_DATA_DIR/models (default ./data/models).
Device for checks: STORYLOOM_DEVICE (auto, cpu, cuda, cuda:N; default auto).

A model folder is a Stable-Diffusion ONNX export in the usual layout (tokenizer/, text_encoder/,
unet/, vae_decoder/, optional vae_encoder/ and image_encoder/, scheduler/) with an optional model.json.
Few-step models (SD-Turbo, LCM) suit the worker best.
Note: SD-Turbo and SDXL-Turbo weights are under Stability AI's non-commercial community license.
Without an installed model, workers use the built-in "${TINY_MODEL_ID}" model (smooth colour fields, for tests and trying things out).`

class UsageError extends Error {}

function flags(listing: InstalledModel, defaultId: string | undefined): string {
  const out: string[] = []
  if (listing.id === defaultId) out.push('default')
  if (listing.builtIn) out.push('built-in')
  if (listing.nonCommercial) out.push('NON-COMMERCIAL')
  out.push(listing.supportsImageToImage ? 'txt2img+img2img' : 'txt2img')
  if (listing.supportsImagePrompts) out.push('image prompts')
  return out.join(', ')
}

function describe(listing: InstalledModel): string[] {
  return [`  family ${listing.family}, scheduler ${listing.scheduler}`, `  license: ${listing.license}`, `  folder: ${listing.dir}`]
}

async function list(modelsDir: string, check: boolean): Promise<number> {
  const listings = await listModels(modelsDir)
  const usable = listings.filter((l): l is InstalledModel => l.usable)
  const defaultId = (usable.find((l) => !l.builtIn) ?? usable.find((l) => l.builtIn))?.id
  console.log(`Models in ${modelsDir}:`)
  if (listings.length === 0) console.log('  none yet')
  let broken = 0
  for (const listing of listings) {
    const checked = check && listing.usable ? await checkSignatures(listing) : listing
    if (!checked.usable) {
      broken++
      console.log(`\n${checked.id}  UNUSABLE [${checked.problem.code ?? 'error'}]\n  ${checked.problem.message}`)
      continue
    }
    console.log(`\n${checked.id}  "${checked.name}"  (${flags(checked, defaultId)})`)
    for (const line of describe(checked)) console.log(line)
  }
  if (!usable.some((l) => l.builtIn) && defaultId === undefined) {
    console.log(`\nNo usable model: a worker builds and uses the built-in "${TINY_MODEL_ID}" model when it starts.`)
  }
  if (usable.some((l) => l.nonCommercial)) console.log(`\n${NON_COMMERCIAL_NOTICE}`)
  return broken > 0 && check ? 1 : 0
}

async function checkSignatures(listing: InstalledModel): Promise<ModelListing> {
  try {
    const model = await loadModel(listing.dir, { warmUp: false, device: parseDeviceRequest(process.env.STORYLOOM_DEVICE) })
    await model.release()
    return listing
  } catch (error) {
    return { usable: false, id: listing.id, dir: listing.dir, problem: { code: error instanceof WorkerError ? error.code : null, message: (error as Error).message, unreadable: false } }
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const modelsDir = resolveModelsDir()
  switch (command) {
    case 'list': {
      const { values } = parseArgs({ args: rest, options: { check: { type: 'boolean' } }, strict: true })
      return list(modelsDir, values.check ?? false)
    }
    case 'install': {
      const { values, positionals } = parseArgs({ args: rest, options: { id: { type: 'string' }, 'max-gb': { type: 'string' } }, allowPositionals: true, strict: true })
      if (positionals.length !== 1) throw new UsageError('install takes one URL, archive or folder')
      const maxGb = values['max-gb'] === undefined ? undefined : Number(values['max-gb'])
      if (maxGb !== undefined && !(maxGb > 0)) throw new UsageError('--max-gb must be a positive number')
      const [given] = positionals as [string]
      // pnpm runs the script in this package's folder: a relative path means the user's folder (INIT_CWD).
      const source = /^[a-z][a-z0-9+.-]*:\/\//iu.test(given) ? given : resolve(process.env.INIT_CWD ?? process.cwd(), given)
      const installed = await installModel(source, modelsDir, {
        ...(values.id === undefined ? {} : { id: values.id }),
        maxBytes: maxGb === undefined ? DEFAULT_MAX_INSTALL_BYTES : Math.floor(maxGb * 1024 ** 3),
        device: parseDeviceRequest(process.env.STORYLOOM_DEVICE),
        log: (line) => console.log(`… ${line}`),
      })
      console.log(`\nInstalled ${installed.id}  "${installed.name}"  (${flags(installed, undefined)})`)
      for (const line of describe(installed)) console.log(line)
      if (installed.nonCommercial) console.log(`\n${NON_COMMERCIAL_NOTICE}`)
      return 0
    }
    case 'remove': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true })
      if (positionals.length !== 1) throw new UsageError('remove takes one model id')
      const dir = await removeModel(modelsDir, positionals[0] as string)
      console.log(`Removed ${positionals[0]} (${dir})`)
      return 0
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(usage)
      return 0
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

try {
  process.exitCode = await main(process.argv.slice(2).filter((a) => a !== '--'))
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    process.exitCode = 2
  } else if (error instanceof WorkerError) {
    console.error(`error [${error.code}]: ${error.message}`)
    process.exitCode = 1
  } else {
    console.error(`error: ${(error as Error).message}`)
    process.exitCode = 1
  }
}
