import { describe, expect, it } from 'vitest'
import { mediaOfVersion } from './setActiveVersion'
import { shotVersion } from './testing/shotVersionFixture'

const still = { assetId: 'a'.repeat(64), src: '/still.png', mimeType: 'image/png' as const, kind: 'image' as const }

describe('mediaOfVersion', () => {
  it('shows a generated take with the model that made it', () => {
    const media = mediaOfVersion(shotVersion('v', null, { assets: [still], modelId: 'tiny-sd', builtInModel: true }))
    expect(media).toEqual({ assetId: `asset:${'a'.repeat(64)}`, src: '/still.png', kind: 'image', model: 'tiny-sd (built-in)' })
  })

  it('plays an animated WebP clip in an image and a real video as a video', () => {
    const webp = { assetId: 'b'.repeat(64), src: '/clip.webp', mimeType: 'image/webp' as const, kind: 'video' as const }
    expect(mediaOfVersion(shotVersion('v', null, { assets: [still, webp] }))).toMatchObject({ src: '/clip.webp', kind: 'image' })
    const mp4 = { assetId: 'c'.repeat(64), src: '/clip.mp4', mimeType: 'video/mp4' as const, kind: 'video' as const }
    expect(mediaOfVersion(shotVersion('v', null, { assets: [still, mp4] }))).toMatchObject({ src: '/clip.mp4', kind: 'video' })
  })
})
