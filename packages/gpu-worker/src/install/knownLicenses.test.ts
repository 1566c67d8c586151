import { describe, expect, it } from 'vitest'
import { knownLicense } from './knownLicenses'

describe('knownLicense', () => {
  it('flags the SD-Turbo family as non-commercial and claims nothing for other names', () => {
    expect(knownLicense('sd-turbo-onnx')).toMatchObject({ nonCommercial: true, license: expect.stringMatching(/SD-Turbo/u) })
    expect(knownLicense('SDXL Turbo fp16')).toMatchObject({ nonCommercial: true, license: expect.stringMatching(/SDXL-Turbo/u) })
    expect(knownLicense('stable-diffusion-v1-5')).toBeNull()
    expect(knownLicense('my-storyboard-lcm')).toBeNull()
  })
})
