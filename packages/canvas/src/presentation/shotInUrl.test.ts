import { describe, expect, it } from 'vitest'
import { hashWithShot, hashWithView, shotIdFromUrl, viewFromUrl } from './shotInUrl'

describe('the shot in the URL', () => {
  it('reads the shot a hash names, and nothing from a hash without one', () => {
    expect(shotIdFromUrl('#shot=abc')).toBe('shape:abc')
    expect(shotIdFromUrl('#other=1&shot=x-y_z')).toBe('shape:x-y_z')
    expect(shotIdFromUrl('')).toBeNull()
    expect(shotIdFromUrl('#shot=')).toBeNull()
    expect(shotIdFromUrl('#token')).toBeNull()
  })

  it('writes the shot without its prefix, keeping the rest of the hash, and reads back what it wrote', () => {
    expect(hashWithShot('', 'shape:abc')).toBe('#shot=abc')
    expect(hashWithShot('#other=1&shot=old', 'shape:new')).toBe('#other=1&shot=new')
    const odd = 'shape:a b&c=d'
    expect(shotIdFromUrl(hashWithShot('', odd))).toBe(odd)
  })
})

describe('the view in the URL', () => {
  it('reads the grid only when the hash names it, and the player otherwise', () => {
    expect(viewFromUrl('#shot=abc&view=grid')).toBe('grid')
    expect(viewFromUrl('#shot=abc')).toBe('player')
    expect(viewFromUrl('#view=stage')).toBe('player')
    expect(viewFromUrl('')).toBe('player')
  })

  it('writes the grid beside the shot, and takes it out again for the player', () => {
    const grid = hashWithView('#shot=abc', 'grid')
    expect(viewFromUrl(grid)).toBe('grid')
    expect(shotIdFromUrl(grid)).toBe('shape:abc')
    expect(hashWithView(grid, 'player')).toBe('#shot=abc')
    expect(hashWithView('#view=grid', 'player')).toBe('')
  })
})
