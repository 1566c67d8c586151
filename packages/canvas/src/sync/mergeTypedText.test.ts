import { describe, expect, it } from 'vitest'
import { mergeTypedText, typedTextLimit } from './mergeTypedText'

describe('mergeTypedText', () => {
  it('keeps two edits of different parts of a text', () => {
    expect(mergeTypedText('The door opens', 'INT. The door opens', 'The door opens slowly', 100, true)).toBe('INT. The door opens slowly')
  })

  it('keeps two inserts at one place in the order it is given, the same text from either side', () => {
    expect(mergeTypedText('ab', 'abX', 'abY', 100, true)).toBe('abXY')
    expect(mergeTypedText('ab', 'abY', 'abX', 100, false)).toBe('abXY')
    // Both typed a space after "night": two spaces, not one.
    expect(mergeTypedText('Chase at night', 'Chase at night ', 'Chase at night ', 100, false)).toBe('Chase at night  ')
    // An insert and a replacement starting at one place: the insert first, whoever goes first.
    expect(mergeTypedText('abc', 'abXc', 'abY', 100, false)).toBe('abXY')
  })

  it('gives up (the remote text stays) when the edits overlap or the result is over the limit', () => {
    expect(mergeTypedText('The door opens', 'The gate opens', 'The dog opens', 100, true)).toBeNull()
    // The same deletion twice is one deletion.
    expect(mergeTypedText('abc', 'ac', 'ac', 100, true)).toBeNull()
    expect(mergeTypedText('abc', 'Xabc', 'abcY', 4, true)).toBeNull()
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
