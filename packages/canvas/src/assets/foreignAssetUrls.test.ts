import { describe, expect, it } from 'vitest'
import { collectForeignAssetUrls, replaceAssetUrls } from './foreignAssetUrls'

const sha = 'a'.repeat(64)
const here = 'HereHereHereHere'
const there = 'ThereThereThere0'
const theirs = `/api/boards/${there}/assets/${sha}`
const ours = `/api/boards/${here}/assets/${sha}`

describe('asset URLs of other boards', () => {
  it('finds them at any depth, and only other boards’ exact asset URLs', () => {
    const shot = {
      id: 'shape:s',
      props: {
        title: theirs, // text is text, but an exact URL is a URL wherever it is: copying it is harmless
        media: { assetId: `asset:${sha}`, src: theirs, kind: 'image' },
        list: [{ src: `/api/boards/${there}/assets/${'b'.repeat(64)}` }],
        mine: ours,
        link: `https://example.com${theirs}`,
        query: `${theirs}?x=1`,
        review: `/api/review/${there}/assets/${sha}`,
      },
    }
    const found = new Set<string>()
    collectForeignAssetUrls(shot, here, found)
    expect([...found].sort()).toEqual([theirs, `/api/boards/${there}/assets/${'b'.repeat(64)}`].sort())
  })

  it('replaces them where they are, and gives back the same object when nothing matched', () => {
    const shot = { id: 'shape:s', props: { media: { src: theirs, kind: 'image' }, w: 10, other: { a: 1 } } }
    const replaced = replaceAssetUrls(shot, new Map([[theirs, ours]]))
    expect(replaced.props.media.src).toBe(ours)
    expect(replaced.props.other).toBe(shot.props.other)
    expect(shot.props.media.src).toBe(theirs) // the original is left as it was
    expect(replaceAssetUrls(shot, new Map([[`/api/boards/${there}/assets/${'c'.repeat(64)}`, ours]]))).toBe(shot)
  })
})
