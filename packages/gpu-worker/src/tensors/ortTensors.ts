import * as ort from 'onnxruntime-node'
import type { FloatType, TimestepType } from '../models/modelSignature'
import { float16ToFloat32, float32ToFloat16 } from './float16'

/** A float tensor in the element type a model expects (float16 data is converted). */
export function floatTensor(type: FloatType, data: Float32Array, dims: readonly number[]): ort.Tensor {
  return type === 'float16' ? new ort.Tensor('float16', float32ToFloat16(data), dims) : new ort.Tensor('float32', data, dims)
}

/** A model output as float32, whatever its element type (fp16 models return `Uint16Array` bits). */
export function readFloats(tensor: ort.Tensor | undefined, what: string): Float32Array {
  if (!tensor) throw new Error(`${what} is missing from the model's outputs`)
  if (tensor.type === 'float16') return float16ToFloat32(tensor.data as Uint16Array)
  if (tensor.type === 'float32') return tensor.data as Float32Array
  throw new Error(`${what} is ${tensor.type}, expected float32 or float16`)
}

/** Token ids as the text encoder's `input_ids` ([batch, length], int32 or int64). */
export function idsTensor(type: 'int32' | 'int64', ids: Int32Array, batch = 1): ort.Tensor {
  const dims = [batch, ids.length / batch]
  return type === 'int64' ? new ort.Tensor('int64', BigInt64Array.from(ids, (v) => BigInt(v)), dims) : new ort.Tensor('int32', ids, dims)
}

/** The UNet's `timestep`: a scalar or a vector of `length` copies, in the model's element type. */
export function timestepTensor(type: TimestepType, value: number, rank: 0 | 1, length: number): ort.Tensor {
  const n = rank === 0 ? 1 : length
  const dims = rank === 0 ? [] : [n]
  switch (type) {
    case 'int64':
      return new ort.Tensor('int64', new BigInt64Array(n).fill(BigInt(Math.round(value))), dims)
    case 'int32':
      return new ort.Tensor('int32', new Int32Array(n).fill(Math.round(value)), dims)
    case 'float16':
      return new ort.Tensor('float16', float32ToFloat16(new Float32Array(n).fill(value)), dims)
    default:
      return new ort.Tensor('float32', new Float32Array(n).fill(value), dims)
  }
}
