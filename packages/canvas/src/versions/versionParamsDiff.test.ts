import { describe, expect, it } from 'vitest'
import type { VersionAsset } from '@storyloom/shared/versions/shotVersion'
import { shotVersion } from './testing/shotVersionFixture'
import { diffVersionParams } from './versionParamsDiff'

const file = (extra: Partial<VersionAsset>): VersionAsset => ({ assetId: '0'.repeat(64), src: '/x', mimeType: 'image/png', kind: 'image', ...extra })
const sizeRow = (a: VersionAsset, b: VersionAsset) => diffVersionParams(shotVersion('a', null, { assets: [a] }), shotVersion('b', null, { assets: [b] })).find((row) => row.label === 'Size')

describe('diffVersionParams: Size', () => {
  it('shows the size the server read, and says a file it could not read is unreadable instead of a number', () => {
    expect(sizeRow(file({ width: 640, height: 360, header: 'read' }), file({ header: 'damaged' }))).toMatchObject({ a: '640 × 360', b: 'Unreadable (damaged file)', differs: true })
    expect(sizeRow(file({ header: 'oversized' }), file({}))).toMatchObject({ a: 'Unreadable (over 16384 px a side)', b: '—' })
  })
})
