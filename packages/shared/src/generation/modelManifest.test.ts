import { describe, expect, it } from 'vitest'
import { modelManifestSchema } from './modelManifest'

describe('modelManifestSchema', () => {
  it('fills defaults for a minimal manifest', () => {
    const manifest = modelManifestSchema.parse({ id: 'sd-turbo', name: 'SD-Turbo', family: 'sd2', license: 'Stability AI Non-Commercial Community License', nonCommercial: true })
    expect(manifest.builtIn).toBe(false)
    expect(manifest.defaults).toEqual({})
  })

  it('refuses ids that are not safe folder names and sizes that are not multiples of 8', () => {
    expect(modelManifestSchema.safeParse({ id: '../x', name: 'x', family: 'sd1', license: 'x' }).success).toBe(false)
    expect(modelManifestSchema.safeParse({ id: 'x', name: 'x', family: 'sd1', license: 'x', defaults: { width: 500 } }).success).toBe(false)
  })
})
