import { resolve } from 'node:path'
import { TINY_MODEL_ID, buildTinyModel } from '../models/buildTinyModel'

// `pnpm --filter @storyloom/gpu-worker build-model [folder]`: writes the built-in model.
// Default folder: $STORYLOOM_MODELS_DIR/storyloom-tiny, else ./.storyloom-data/models/storyloom-tiny.
const target = resolve(process.argv[2] ?? `${process.env.STORYLOOM_MODELS_DIR ?? '.storyloom-data/models'}/${TINY_MODEL_ID}`)
await buildTinyModel(target)
console.log(`wrote the built-in model to ${target}`)
