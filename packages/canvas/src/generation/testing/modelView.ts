import type { ModelView } from '@storyloom/shared/generation/api'

/** The built-in tiny model as the workers list it: 4 steps, no guidance, 512 × 288. */
export const tinyModel: ModelView = {
  id: 'storyloom-tiny',
  name: 'Storyloom tiny',
  family: 'storyloom-tiny',
  license: 'MIT',
  nonCommercial: false,
  builtIn: true,
  supportsImageToImage: true,
  supportsImagePrompts: true,
  isDefault: true,
  defaults: { steps: 4, guidance: 0, width: 512, height: 288 },
}
