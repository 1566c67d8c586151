import { describe, expect, it } from 'vitest'
import { mergeTypedText, typedTextLimit } from './mergeTypedText'

describe('mergeTypedText', () => {
  it('keeps two edits of different parts of a text, and two inserts at one place, remote first', () => {
    expect(mergeTypedText('The door opens', 'INT. The door opens', 'The door opens slowly', 100)).toBe('INT. The door opens slowly')
    expect(mergeTypedText('ab', 'abX', 'abY', 100)).toBe('abXY')
  })

  it('gives up (the remote text stays) when the edits overlap or the result is over the limit', () => {
    expect(mergeTypedText('The door opens', 'The gate opens', 'The dog opens', 100)).toBeNull()
    expect(mergeTypedText('abc', 'Xabc', 'abcY', 4)).toBeNull()
  })

  it('applies only to fields people type into: never to an order key or a scene id', () => {
    const shot = { typeName: 'shape', type: 'shot' }
    expect(typedTextLimit(shot, 'dialogue', true)).toBeGreaterThan(0)
    expect(typedTextLimit(shot, 'order', true)).toBeUndefined()
    expect(typedTextLimit(shot, 'sceneId', true)).toBeUndefined()
    expect(typedTextLimit({ typeName: 'scene' }, 'slugline', false)).toBeGreaterThan(0)
    expect(typedTextLimit({ typeName: 'scene' }, 'order', false)).toBeUndefined()
    expect(typedTextLimit({ typeName: 'shape', type: 'text' }, 'title', true)).toBeUndefined()
  })
})
