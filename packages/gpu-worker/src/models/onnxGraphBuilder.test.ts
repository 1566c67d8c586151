import { describe, expect, it } from 'vitest'
import * as ort from 'onnxruntime-node'
import { OnnxGraphBuilder } from './onnxGraphBuilder'

describe('OnnxGraphBuilder', () => {
  it('writes a model onnxruntime runs, with the declared signature', async () => {
    const g = new OnnxGraphBuilder('affine')
    const x = g.input('x', 'float32', ['batch', 3])
    const y = g.op('Add', [g.op('Mul', [x, g.floats([2, 2, 2], [3])]), g.floats([1, 0, -1], [3])])
    g.output('y', y, 'float32', ['batch', 3])
    const session = await ort.InferenceSession.create(g.toBytes())
    expect(session.inputNames).toEqual(['x'])
    const meta = session.inputMetadata[0]
    expect(meta?.isTensor && meta.shape).toEqual(['batch', 3])
    const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([1, 2, 3]), [1, 3]) })
    expect(Array.from(out.y?.data as Float32Array)).toEqual([3, 4, 5])
    await session.release()
  })
})
