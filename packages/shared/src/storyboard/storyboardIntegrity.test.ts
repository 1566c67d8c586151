import { describe, expect, it } from 'vitest'
import { storyboardIntegrityProblem } from './storyboardIntegrity'
import type { IntegrityRecord } from './storyboardIntegrity'

const records: IntegrityRecord[] = [
  { id: 'shape:shot', typeName: 'shape', type: 'shot' },
  { id: 'shape:img', typeName: 'shape', type: 'image' },
  { id: 'shape:link', typeName: 'shape', type: 'bookmark' },
  { id: 'shape:move', typeName: 'shape', type: 'motion' },
  { id: 'shape:note', typeName: 'shape', type: 'note' },
]
const lookup = (id: string) => records.find((r) => r.id === id)
const binding = (type: string, fromId: string, toId: string): IntegrityRecord => ({ id: 'binding:b', typeName: 'binding', type, fromId, toId })

describe('storyboard integrity', () => {
  it('accepts references from images and links, and annotations from motion shapes, on shots', () => {
    expect(storyboardIntegrityProblem(binding('reference', 'shape:img', 'shape:shot'), lookup)).toBeUndefined()
    expect(storyboardIntegrityProblem(binding('reference', 'shape:link', 'shape:shot'), lookup)).toBeUndefined()
    expect(storyboardIntegrityProblem(binding('annotation', 'shape:move', 'shape:shot'), lookup)).toBeUndefined()
  })

  it('refuses an annotation or reference on a missing shot or on something that is not a shot', () => {
    expect(storyboardIntegrityProblem(binding('annotation', 'shape:move', 'shape:gone'), lookup)).toBe(
      'This annotation is attached to shape:gone, which is not a shot on this board',
    )
    expect(storyboardIntegrityProblem(binding('reference', 'shape:img', 'shape:note'), lookup)).toMatch(/not a shot/)
  })

  it('refuses the wrong kind of source', () => {
    expect(storyboardIntegrityProblem(binding('reference', 'shape:note', 'shape:shot'), lookup)).toBe(
      'A reference must be an image, clip or link; this one is a shape of type "note"',
    )
    expect(storyboardIntegrityProblem(binding('annotation', 'shape:img', 'shape:shot'), lookup)).toMatch(/type "image"/)
    expect(storyboardIntegrityProblem(binding('reference', 'shape:gone', 'shape:shot'), lookup)).toMatch(/not on this board/)
  })

  it('leaves records it has no rule for alone', () => {
    expect(storyboardIntegrityProblem(binding('arrow', 'shape:note', 'shape:gone'), lookup)).toBeUndefined()
    expect(storyboardIntegrityProblem({ id: 'shape:shot', typeName: 'shape', type: 'shot' }, lookup)).toBeUndefined()
  })
})
