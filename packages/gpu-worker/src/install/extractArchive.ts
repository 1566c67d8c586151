import { t, x } from 'tar'
import { ModelInstallError } from '../errors'

/** Limits of {@link extractArchive}. */
export type ExtractLimits = {
  /** Largest total size of the archive's files once unpacked, in bytes. */
  maxBytes: number
  /** Most entries (files and folders) accepted. */
  maxEntries: number
}

// A model folder needs nothing but files and folders: links and devices are refused outright.
const allowedTypes = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory'])

/** Why an entry may not be unpacked, or null when it may. */
function entryProblem(path: string, type: string): string | null {
  if (!allowedTypes.has(type)) return `"${path}" is a ${type}; a model archive may hold only files and folders`
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-zA-Z]:/u.test(path)) return `"${path}" is an absolute path`
  if (path.split(/[\\/]/u).includes('..')) return `"${path}" points outside the archive's folder`
  if (path.includes('\0')) return `"${path}" contains a NUL character`
  return null
}

/**
 * Unpacks a .tar, .tar.gz or .tgz archive into the empty folder `into`, after reading the
 * whole archive once to vet it: an archive with an absolute path, a `..` entry, a link or a
 * device, more than `maxEntries` entries or more than `maxBytes` of files is refused before
 * anything is written; a corrupt or truncated archive is refused with the reader's reason.
 */
export async function extractArchive(file: string, into: string, limits: ExtractLimits, shownAs: string): Promise<void> {
  let entries = 0
  let bytes = 0
  const problems: string[] = []
  try {
    await t({
      file,
      strict: true,
      onReadEntry: (entry) => {
        entries++
        bytes += entry.size ?? 0
        const problem = entryProblem(entry.path, entry.type)
        if (problem && problems.length < 3) problems.push(problem)
      },
    })
  } catch (cause) {
    throw new ModelInstallError(`${shownAs} is not a readable .tar, .tar.gz or .tgz archive (${(cause as Error).message})`, { cause })
  }
  if (problems.length > 0) throw new ModelInstallError(`${shownAs} was refused: ${problems.join('; ')}`)
  if (entries === 0) throw new ModelInstallError(`${shownAs} is empty`)
  if (entries > limits.maxEntries) throw new ModelInstallError(`${shownAs} has ${entries} entries, more than the ${limits.maxEntries} a model folder needs`)
  if (bytes > limits.maxBytes) throw new ModelInstallError(`${shownAs} unpacks to ${bytes} bytes, over the ${limits.maxBytes}-byte limit`)
  try {
    await x({
      file,
      cwd: into,
      strict: true,
      preserveOwner: false,
      // Vetted above; checked again in case the file changed in between.
      filter: (path, entry) => entryProblem(path, 'type' in entry ? entry.type : 'File') === null,
    })
  } catch (cause) {
    throw new ModelInstallError(`${shownAs} could not be unpacked (${(cause as Error).message})`, { cause })
  }
}
