import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * One models folder for every test: the built-in model is built into it once. Versioned: the
 * built-in model gained an image encoder, and checkouts from before it (sharing this machine's
 * /tmp) must not load the newer folder, nor this one theirs.
 */
export const sharedModelsDir = join(tmpdir(), 'storyloom-test-models-2')
