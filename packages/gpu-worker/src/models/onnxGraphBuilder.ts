import onnxProto from 'onnx-proto'

const { onnx } = onnxProto

/** Element types the project's own graphs use. */
export type ElementType = 'float32' | 'float16' | 'int32' | 'int64'

const ELEMENT_TYPES: Record<ElementType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  float16: onnx.TensorProto.DataType.FLOAT16,
  int32: onnx.TensorProto.DataType.INT32,
  int64: onnx.TensorProto.DataType.INT64,
}

/** A node attribute, tagged with its ONNX kind. */
export type Attribute = { f: number } | { i: number } | { s: string } | { floats: number[] } | { ints: number[] }

/** A dimension: a fixed size or a symbolic name (e.g. "batch"). */
export type Dim = number | string

function encodeAttribute(name: string, value: Attribute): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType
  if ('f' in value) return { name, type: T.FLOAT, f: value.f }
  if ('i' in value) return { name, type: T.INT, i: value.i }
  if ('s' in value) return { name, type: T.STRING, s: new TextEncoder().encode(value.s) }
  if ('floats' in value) return { name, type: T.FLOATS, floats: value.floats }
  return { name, type: T.INTS, ints: value.ints }
}

function valueInfo(name: string, type: ElementType, shape: readonly Dim[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: ELEMENT_TYPES[type],
        shape: { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  }
}

/**
 * A small builder for ONNX graphs, so the project can write its own models (the built-in
 * model, test fixtures) without Python. Values are named automatically unless a name is given.
 */
export class OnnxGraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = []
  private readonly initializers: onnxProto.onnx.ITensorProto[] = []
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = []
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = []
  private counter = 0

  constructor(private readonly name: string) {}

  /** Declares a graph input; returns its name. */
  input(name: string, type: ElementType, shape: readonly Dim[]): string {
    this.inputs.push(valueInfo(name, type, shape))
    return name
  }

  /** Declares a graph output produced by `value` (renamed through Identity when needed). */
  output(name: string, value: string, type: ElementType, shape: readonly Dim[]): void {
    if (value !== name) this.nodes.push({ opType: 'Identity', input: [value], output: [name], name: `${name}_out` })
    this.outputs.push(valueInfo(name, type, shape))
  }

  /** A float32 constant (stored as raw little-endian data). */
  floats(values: ArrayLike<number>, dims: readonly number[], name = this.fresh('const')): string {
    const data = Float32Array.from(values)
    this.initializers.push({ name, dims: [...dims], dataType: ELEMENT_TYPES.float32, rawData: new Uint8Array(data.buffer) })
    return name
  }

  /** An int64 constant (shapes, axes, indices). */
  int64s(values: readonly number[], dims: readonly number[] = [values.length], name = this.fresh('const')): string {
    const data = BigInt64Array.from(values, (v) => BigInt(v))
    this.initializers.push({ name, dims: [...dims], dataType: ELEMENT_TYPES.int64, rawData: new Uint8Array(data.buffer) })
    return name
  }

  /** Adds one node; returns its output names (one unless `outputs` says more). */
  node(opType: string, inputs: readonly string[], attributes: Record<string, Attribute> = {}, outputs = 1): string[] {
    const names = Array.from({ length: outputs }, () => this.fresh(opType.toLowerCase()))
    this.nodes.push({
      opType,
      input: [...inputs],
      output: names,
      name: this.fresh(`${opType}_node`),
      attribute: Object.entries(attributes).map(([key, value]) => encodeAttribute(key, value)),
    })
    return names
  }

  /** Adds a single-output node and returns that output's name. */
  op(opType: string, inputs: readonly string[], attributes: Record<string, Attribute> = {}): string {
    return this.node(opType, inputs, attributes)[0] as string
  }

  /** Serializes the graph as an ONNX model (IR 8, default opset `opset`). */
  toBytes(opset = 17, producer = 'storyloom'): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: producer,
      opsetImport: [{ domain: '', version: opset }],
      graph: { name: this.name, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs },
    })
    return onnx.ModelProto.encode(model).finish()
  }

  private fresh(prefix: string): string {
    return `${prefix}_${this.counter++}`
  }
}
