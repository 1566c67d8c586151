import { join, resolve } from 'node:path'
import { TINY_MODEL_ID, buildTinyModel } from '../models/buildTinyModel'
import { resolveModelsDir } from '../models/modelsDir'

// `pnpm --filter @storyloom/gpu-worker build-model [folder]`: writes the built-in model.
// Default folder: storyloom-tiny in the models directory (see resolveModelsDir).
const target = process.argv[2] ? resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2]) : join(resolveModelsDir(), TINY_MODEL_ID)
await buildTinyModel(target)
console.log(`wrote the built-in model to ${target}`)
