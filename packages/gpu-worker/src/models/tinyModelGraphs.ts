import { SeededRandom } from '../pipeline/seededNoise'
import { SD_LATENT_RGB_FACTORS } from '../pipeline/latentPreview'
import { alphasCumprod } from '../scheduler/noiseSchedule'
import { defaultSchedulerConfig } from '../scheduler/schedulerConfig'
import { CLIP_IMAGE_MEAN, CLIP_IMAGE_STD } from '../pipeline/imagePrompts'
import { OnnxGraphBuilder, type ElementType } from './onnxGraphBuilder'

/**
 * The ONNX graphs of the built-in model. They have the input/output names and ranks of
 * diffusers/optimum Stable-Diffusion exports, fixed weights, and behave like a (very) small
 * diffusion model: the UNet predicts the noise that separates its input from a smooth,
 * colourful "clean" latent shaped by the prompt (colours, stripes, mixing) and by the
 * low-frequency content of its input (so the seed and, for image-to-image, the init image
 * shape the picture). Every sampler therefore converges to a smooth image.
 */

/** Variations used to exercise the loader against other real-world signatures. */
export type TinyGraphOptions = {
  /** Width of the text encoder's hidden state (CLIP ViT-L is 768; 16 keeps the model small). */
  hiddenSize: number
  /** Element type of every float input and output (real exports come in float32 or float16). */
  floatType: 'float32' | 'float16'
  /** Element type of the UNet's `timestep`. */
  timestepType: 'int64' | 'float32'
  /** Adds LCM's `timestep_cond` ([batch, 256] guidance embedding) to the UNet. */
  timestepCond: boolean
  /** Name of the VAE encoder output: current exports say `latent_parameters`, older ones `latent_sample`. */
  vaeEncoderOutput: 'latent_parameters' | 'latent_sample'
  /** Adds an image encoder and the UNet's `image_embeds` / `ip_adapter_scale` inputs (image prompts). */
  imagePrompts: boolean
  /**
   * Extra compute, for benchmarks that need sessions costing what a small real model costs:
   * 3×3 convolution stacks in the UNet and the VAE decoder (see {@link computeCostMacs}) whose
   * output is added at a weight of 1e-3, so the picture barely changes. Null (the default) for none.
   */
  compute: ComputeCost | null
}

/** Width and depth of the extra convolution stacks (see {@link TinyGraphOptions.compute}). */
export type ComputeCost = {
  /** Channels of the stacks at latent resolution (UNet and decoder). */
  latentChannels: number
  /** 3×3 convolutions per UNet pass (at least 2: in and out). */
  unetLayers: number
  /** 3×3 convolutions of the decoder at latent resolution (at least 2). */
  decoderLayers: number
  /** Channels of the decoder's 3-layer stack at full image resolution. */
  imageChannels: number
}

export const defaultTinyGraphOptions: TinyGraphOptions = {
  hiddenSize: 16,
  floatType: 'float32',
  timestepType: 'int64',
  timestepCond: false,
  vaeEncoderOutput: 'latent_parameters',
  imagePrompts: true,
  compute: null,
}

/** Side of the square image the tiny image encoder takes (CLIP's). */
export const TINY_IMAGE_SIZE = 224
/** The tiny image embedding: the mean RGB of each quarter of the image (2 × 2 × 3). */
export const TINY_IMAGE_EMBED_DIM = 12
/** How far image prompts at full weight pull the UNet's clean-latent target toward the reference. */
const IMAGE_PROMPT_PULL = 0.85

/** SD's VAE latent scaling factor; the tiny VAE uses the same so the pipeline's scaling is real. */
export const TINY_VAE_SCALING_FACTOR = 0.18215

const VOCAB_SIZE = 49408
const CONTEXT = 77
const LATENT_CHANNELS = 4
/** Amplitude of the clean latent the UNet aims at. */
const FIELD_AMPLITUDE = 1.1

/** Fixed pseudo-random weights, N(0, scale²), from a named stream so each weight set is stable. */
function weights(seed: number, count: number, scale: number): Float32Array {
  const out = new SeededRandom(seed).gaussian(count)
  for (let i = 0; i < count; i++) out[i] = (out[i] as number) * scale
  return out
}

/** Declares a float input, cast to float32 inside when the model's I/O is float16. */
function floatInput(g: OnnxGraphBuilder, name: string, shape: (number | string)[], type: ElementType): string {
  const declared = g.input(name, type, shape)
  return type === 'float32' ? declared : g.op('Cast', [declared], { to: { i: 1 } })
}

/** Declares a float output, cast to float16 first when the model's I/O is float16. */
function floatOutput(g: OnnxGraphBuilder, name: string, value: string, shape: (number | string)[], type: ElementType): void {
  g.output(name, type === 'float32' ? value : g.op('Cast', [value], { to: { i: 10 } }), type, shape)
}

/** input_ids [batch, 77] int32 → last_hidden_state [batch, 77, C]. */
export function tinyTextEncoder(options: TinyGraphOptions): Uint8Array {
  const C = options.hiddenSize
  const g = new OnnxGraphBuilder('storyloom_tiny_text_encoder')
  const ids = g.input('input_ids', 'int32', ['batch', 'sequence'])
  const table = weights(1001, VOCAB_SIZE * C, 1)
  // Start, end and SD2's pad ("!", id 0) carry nothing, so an empty prompt is the zero vector
  // (a true "unconditional" embedding for guidance) and padding does not dilute the prompt.
  for (const id of [0, 49406, 49407]) table.fill(0, id * C, (id + 1) * C)
  const embedded = g.op('Gather', [g.floats(table, [VOCAB_SIZE, C]), g.op('Cast', [ids], { to: { i: 7 } })])
  // Position-dependent weights make the running sum depend on word order.
  const positional = g.op('Mul', [embedded, g.floats(weights(1002, CONTEXT * C, 0.5).map((w) => 1 + w), [1, CONTEXT, C])])
  // Causal like CLIP: each position sees the prompt up to itself (a normalised running sum).
  const running = g.op('CumSum', [positional, g.int64s([1], [])])
  const norm = g.op('Sqrt', [g.op('Add', [g.op('ReduceSumSquare', [running], { axes: { ints: [-1] }, keepdims: { i: 1 } }), g.floats([1e-6], [])])])
  const hidden = g.op('Mul', [g.op('Div', [running, norm]), g.floats([Math.sqrt(C)], [])])
  floatOutput(g, 'last_hidden_state', hidden, ['batch', 'sequence', C], options.floatType)
  return g.toBytes()
}

/** Smooth upsampling back to the shape of `like` (cubic). */
function resizeLike(g: OnnxGraphBuilder, x: string, like: string): string {
  return g.op('Resize', [x, '', '', g.op('Shape', [like])], { mode: { s: 'cubic' } })
}

/** A box blur that keeps the size (no block edges, unlike a strided pool). */
function blur(g: OnnxGraphBuilder, x: string, kernel: number): string {
  const pad = Math.floor(kernel / 2)
  return g.op('AveragePool', [x], { kernel_shape: { ints: [kernel, kernel] }, pads: { ints: [pad, pad, pad, pad] }, count_include_pad: { i: 0 } })
}

/** Averages `kernel`×`kernel` cells, then smoothly upsamples back: a cheap, strong low-pass filter. */
function lowPass(g: OnnxGraphBuilder, x: string, kernel: number): string {
  const pooled = g.op('AveragePool', [x], { kernel_shape: { ints: [kernel, kernel] }, strides: { ints: [kernel, kernel] }, ceil_mode: { i: 1 } })
  return resizeLike(g, pooled, x)
}

/** Channel widths of a stack of 3×3 convolutions from `ends` channels, through `width`, back to `ends`. */
function stackWidths(ends: number, width: number, layers: number): number[] {
  return [ends, ...Array.from({ length: Math.max(2, layers) - 1 }, () => width), ends]
}

/**
 * A stack of 3×3 convolutions (ReLU between them) from and back to `x`'s channels, scaled by
 * 1e-3: real work for onnxruntime that barely changes the result.
 */
function convStack(g: OnnxGraphBuilder, x: string, widths: number[], seed: number): string {
  let h = x
  for (let l = 1; l < widths.length; l++) {
    const [cin, cout] = [widths[l - 1] as number, widths[l] as number]
    h = g.op('Conv', [h, g.floats(weights(seed + l, cout * cin * 9, Math.sqrt(2 / (9 * cin))), [cout, cin, 3, 3])], { pads: { ints: [1, 1, 1, 1] } })
    if (l < widths.length - 1) h = g.op('Relu', [h])
  }
  return g.op('Mul', [h, g.floats([1e-3], [])])
}

/** Multiply-accumulates of one convolution stack over `positions` pixels. */
function stackMacs(widths: number[], positions: number): number {
  let macs = 0
  for (let l = 1; l < widths.length; l++) macs += positions * 9 * (widths[l - 1] as number) * (widths[l] as number)
  return macs
}

/** Multiply-accumulates the extra compute adds per UNet pass (batch 1) and per decode, for a width × height image. */
export function computeCostMacs(cost: ComputeCost, width: number, height: number): { unet: number; vaeDecoder: number } {
  const latent = (width / 8) * (height / 8)
  return {
    unet: stackMacs(stackWidths(LATENT_CHANNELS, cost.latentChannels, cost.unetLayers), latent),
    vaeDecoder: stackMacs(stackWidths(LATENT_CHANNELS, cost.latentChannels, cost.decoderLayers), latent) + stackMacs(stackWidths(3, cost.imageChannels, 3), width * height),
  }
}

/** Normalised coordinate (cell centres in (0, 1)) along `axis` (2 = rows, 3 = columns) of `x`, broadcastable to it. */
function coordinate(g: OnnxGraphBuilder, x: string, axis: 2 | 3): string {
  const size = g.op('Cast', [g.op('Gather', [g.op('Shape', [x]), g.int64s([axis], [])])], { to: { i: 1 } })
  const index = g.op('Range', [g.floats([0], []), size, g.floats([1], [])])
  const normalised = g.op('Div', [g.op('Add', [index, g.floats([0.5], [])]), size])
  return g.op('Reshape', [normalised, g.int64s(axis === 2 ? [1, 1, -1, 1] : [1, 1, 1, -1])])
}

/** A [C, n] projection of the pooled prompt, output std ≈ `scale`. */
function projection(g: OnnxGraphBuilder, pooled: string, C: number, n: number, seed: number, scale: number): string {
  return g.op('MatMul', [pooled, g.floats(weights(seed, C * n, scale / Math.sqrt(C)), [C, n])])
}

/**
 * sample [batch, 4, h, w], timestep [batch], encoder_hidden_states [batch, 77, C]
 * (+ timestep_cond [batch, 256]) (+ image_embeds [batch, images, 12], ip_adapter_scale [images]) → out_sample [batch, 4, h, w], the predicted noise.
 */
export function tinyUnet(options: TinyGraphOptions): Uint8Array {
  const C = options.hiddenSize
  const ft = options.floatType
  const g = new OnnxGraphBuilder('storyloom_tiny_unet')
  const sample = floatInput(g, 'sample', ['batch', LATENT_CHANNELS, 'height', 'width'], ft)
  const timestep = g.input('timestep', options.timestepType, ['batch'])
  const hidden = floatInput(g, 'encoder_hidden_states', ['batch', 'sequence', C], ft)
  const cond = options.timestepCond ? floatInput(g, 'timestep_cond', ['batch', 256], ft) : null
  const imageEmbeds = options.imagePrompts ? floatInput(g, 'image_embeds', ['batch', 'images', TINY_IMAGE_EMBED_DIM], ft) : null
  const ipScale = options.imagePrompts ? g.input('ip_adapter_scale', 'float32', ['images']) : null

  // Noise level of this timestep, from the training schedule: x_t = a·x0 + s·ε.
  const alphas = alphasCumprod(defaultSchedulerConfig)
  const t = g.op('Cast', [timestep], { to: { i: 7 } })
  const perItem = (table: ArrayLike<number>) => g.op('Reshape', [g.op('Gather', [g.floats(table, [table.length]), t]), g.int64s([-1, 1, 1, 1])])
  const a = perItem(alphas.map(Math.sqrt))
  const s = perItem(alphas.map((x) => Math.sqrt(1 - x)))
  const alpha = perItem(alphas)

  // The prompt, pooled over tokens, steers colours (bias), stripes (frequencies, phase) and channel mixing.
  const pooled = g.op('ReduceMean', [hidden], { axes: { ints: [1] }, keepdims: { i: 0 } })
  let bias = projection(g, pooled, C, LATENT_CHANNELS, 2001, 1.2)
  if (cond) bias = g.op('Add', [bias, g.op('MatMul', [cond, g.floats(weights(2006, 256 * LATENT_CHANNELS, 0.02), [256, LATENT_CHANNELS])])])
  const perChannel = (x: string) => g.op('Reshape', [x, g.int64s([-1, LATENT_CHANNELS, 1, 1])])
  const withBase = (x: string, seed: number, scale: number) => g.op('Add', [x, g.floats(weights(seed, LATENT_CHANNELS, scale), [LATENT_CHANNELS])])
  const fy = perChannel(withBase(projection(g, pooled, C, LATENT_CHANNELS, 2002, 1.2), 2102, 0.8))
  const fx = perChannel(withBase(projection(g, pooled, C, LATENT_CHANNELS, 2003, 1.2), 2103, 0.8))
  const phase = perChannel(withBase(projection(g, pooled, C, LATENT_CHANNELS, 2004, Math.PI), 2104, Math.PI))
  const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]
  const baseMix = weights(2105, 16, 0.25).map((w, i) => w + 0.9 * (identity[i] as number))
  const mix = g.op('Reshape', [g.op('Add', [projection(g, pooled, C, 16, 2005, 0.7), g.floats(baseMix, [16])]), g.int64s([-1, 1, 4, 4])])

  // Smooth stripes over the frame + the normalised low frequencies of the input (the seed's blobs).
  const twoPi = g.floats([2 * Math.PI], [])
  const y = coordinate(g, sample, 2)
  const x = coordinate(g, sample, 3)
  const stripes = g.op('Sin', [g.op('Add', [g.op('Mul', [twoPi, g.op('Add', [g.op('Mul', [fy, y]), g.op('Mul', [fx, x])])]), phase])])
  const blobs = g.op('MeanVarianceNormalization', [lowPass(g, sample, 8)], { axes: { ints: [2, 3] } })
  const shape = g.op('Add', [stripes, g.op('Mul', [blobs, g.floats([0.8], [])])])
  const channelsLast = g.op('Transpose', [shape], { perm: { ints: [0, 2, 3, 1] } })
  const mixed = g.op('Transpose', [g.op('MatMul', [channelsLast, mix])], { perm: { ints: [0, 3, 1, 2] } })
  const promptField = g.op('Mul', [g.op('Tanh', [g.op('Add', [mixed, perChannel(bias)])]), g.floats([FIELD_AMPLITUDE], [])])
  const field = imageEmbeds && ipScale ? imagePromptPull(g, promptField, imageEmbeds, ipScale, sample) : promptField

  // Clean-latent estimate: at low noise trust the (denoised) input, at high noise the field.
  const keep = g.op('Mul', [a, blur(g, sample, 7)])
  const x0 = g.op('Add', [keep, g.op('Mul', [g.op('Sub', [g.floats([1], []), alpha]), field])])
  // ε = (x_t − a·x0) / s: the noise that separates the input from that estimate.
  let eps = g.op('Div', [g.op('Sub', [sample, g.op('Mul', [a, x0])]), s])
  if (options.compute) eps = g.op('Add', [eps, convStack(g, sample, stackWidths(LATENT_CHANNELS, options.compute.latentChannels, options.compute.unetLayers), 2200)])
  floatOutput(g, 'out_sample', eps, ['batch', LATENT_CHANNELS, 'height', 'width'], ft)
  return g.toBytes()
}

/**
 * Pulls the clean-latent target toward the image prompts: their weighted mean colours (per
 * quarter of the frame) mapped into latent space, by min(Σ weights, 1) × {@link IMAGE_PROMPT_PULL}.
 * Weights all 0 (or zero embeddings) leave `field` exactly as it was.
 */
function imagePromptPull(g: OnnxGraphBuilder, field: string, embeds: string, scale: string, like: string): string {
  const weights = g.op('Reshape', [scale, g.int64s([1, -1, 1])])
  const weighted = g.op('ReduceSum', [g.op('Mul', [embeds, weights]), g.int64s([1])], { keepdims: { i: 0 } })
  const total = g.op('ReduceSum', [scale, g.int64s([0])], { keepdims: { i: 1 } })
  const colours = g.op('Div', [weighted, g.op('Max', [total, g.floats([1e-6], [1])])])
  const rgb = g.op('Reshape', [colours, g.int64s([-1, 3, 2, 2])])
  const latent = g.op('Conv', [rgb, g.floats(rgbToLatentMatrix(), [LATENT_CHANNELS, 3, 1, 1])])
  const target = g.op('Resize', [latent, '', '', g.op('Shape', [like])], { mode: { s: 'linear' } })
  const pull = g.op('Mul', [g.op('Min', [total, g.floats([1], [1])]), g.floats([IMAGE_PROMPT_PULL], [])])
  return g.op('Add', [field, g.op('Mul', [pull, g.op('Sub', [target, field])])])
}

/** pixel_values [N, 3, 224, 224] (CLIP-normalised) → image_embeds [N, 12]: each quarter's mean colour in [-1, 1]. */
export function tinyImageEncoder(options: TinyGraphOptions): Uint8Array {
  const g = new OnnxGraphBuilder('storyloom_tiny_image_encoder')
  const pixels = floatInput(g, 'pixel_values', ['batch', 3, TINY_IMAGE_SIZE, TINY_IMAGE_SIZE], options.floatType)
  const mean = g.floats(CLIP_IMAGE_MEAN, [1, 3, 1, 1])
  const std = g.floats(CLIP_IMAGE_STD, [1, 3, 1, 1])
  // Undo CLIP's normalisation, then to the [-1, 1] range of the VAE's images.
  const unit = g.op('Add', [g.op('Mul', [pixels, std]), mean])
  const signed = g.op('Sub', [g.op('Mul', [unit, g.floats([2], [])]), g.floats([1], [])])
  const half = TINY_IMAGE_SIZE / 2
  const quarters = g.op('AveragePool', [signed], { kernel_shape: { ints: [half, half] }, strides: { ints: [half, half] } })
  const embeds = g.op('Reshape', [quarters, g.int64s([-1, TINY_IMAGE_EMBED_DIM])])
  floatOutput(g, 'image_embeds', embeds, ['batch', TINY_IMAGE_EMBED_DIM], options.floatType)
  return g.toBytes()
}

/** RGB in [-1, 1] → the pipeline's (scaled) latent: the decoder colour map's pseudo-inverse, 4×3. */
function rgbToLatentMatrix(): number[] {
  return encoderMatrix().map((v) => v * TINY_VAE_SCALING_FACTOR)
}

/** The 3×4 latent → RGB matrix (transpose of the preview factors), per unscaled latent. */
function decoderMatrix(): number[] {
  const m: number[] = []
  for (let rgb = 0; rgb < 3; rgb++) for (let c = 0; c < LATENT_CHANNELS; c++) m.push((SD_LATENT_RGB_FACTORS[c] as readonly number[])[rgb] as number)
  return m
}

/** latent_sample [batch, 4, h, w] (unscaled) → sample [batch, 3, 8h, 8w] in about [-1, 1]. */
export function tinyVaeDecoder(options: TinyGraphOptions): Uint8Array {
  const g = new OnnxGraphBuilder('storyloom_tiny_vae_decoder')
  const latent = floatInput(g, 'latent_sample', ['batch', LATENT_CHANNELS, 'latent_height', 'latent_width'], options.floatType)
  // The pipeline divides by the scaling factor; the colour map works on scaled latents like the previews.
  const scaled = g.op('Mul', [latent, g.floats([TINY_VAE_SCALING_FACTOR], [])])
  const compute = options.compute
  let rgb = g.op('Conv', [scaled, g.floats(decoderMatrix(), [3, LATENT_CHANNELS, 1, 1])])
  if (compute) {
    const extra = convStack(g, scaled, stackWidths(LATENT_CHANNELS, compute.latentChannels, compute.decoderLayers), 3200)
    rgb = g.op('Add', [rgb, g.op('Conv', [extra, g.floats(decoderMatrix(), [3, LATENT_CHANNELS, 1, 1])])])
  }
  // Softened at latent resolution so bilinear upsampling shows no 8-pixel grid.
  let up = g.op('Resize', [blur(g, rgb, 3), '', g.floats([1, 1, 8, 8], [4])], { mode: { s: 'linear' } })
  if (compute) up = g.op('Add', [up, convStack(g, up, stackWidths(3, compute.imageChannels, 3), 3300)])
  floatOutput(g, 'sample', up, ['batch', 3, 'height', 'width'], options.floatType)
  return g.toBytes()
}

/** Pseudo-inverse (4×3) of the decoder's 3×4 colour map: Aᵀ(AAᵀ)⁻¹. */
function encoderMatrix(): number[] {
  const A = decoderMatrix()
  const at = (r: number, c: number) => A[r * LATENT_CHANNELS + c] as number
  const aat: number[][] = [0, 1, 2].map((i) => [0, 1, 2].map((j) => [0, 1, 2, 3].reduce((sum, k) => sum + at(i, k) * at(j, k), 0)))
  const m = (i: number, j: number) => (aat[i] as number[])[j] as number
  const det = m(0, 0) * (m(1, 1) * m(2, 2) - m(1, 2) * m(2, 1)) - m(0, 1) * (m(1, 0) * m(2, 2) - m(1, 2) * m(2, 0)) + m(0, 2) * (m(1, 0) * m(2, 1) - m(1, 1) * m(2, 0))
  const inv = [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => {
      const rows = [0, 1, 2].filter((r) => r !== j)
      const cols = [0, 1, 2].filter((c) => c !== i)
      const minor = m(rows[0] as number, cols[0] as number) * m(rows[1] as number, cols[1] as number) - m(rows[0] as number, cols[1] as number) * m(rows[1] as number, cols[0] as number)
      return (((i + j) % 2 === 0 ? 1 : -1) * minor) / det
    }),
  )
  const out: number[] = []
  for (let c = 0; c < LATENT_CHANNELS; c++) {
    for (let rgb = 0; rgb < 3; rgb++) out.push([0, 1, 2].reduce((sum, k) => sum + at(k, c) * ((inv[k] as number[])[rgb] as number), 0) / TINY_VAE_SCALING_FACTOR)
  }
  return out
}

/** sample [batch, 3, H, W] → latent_parameters [batch, 8, H/8, W/8] (mean, log-variance), or latent_sample [batch, 4, …]. */
export function tinyVaeEncoder(options: TinyGraphOptions): Uint8Array {
  const g = new OnnxGraphBuilder('storyloom_tiny_vae_encoder')
  const image = floatInput(g, 'sample', ['batch', 3, 'height', 'width'], options.floatType)
  const pooled = g.op('AveragePool', [image], { kernel_shape: { ints: [8, 8] }, strides: { ints: [8, 8] }, ceil_mode: { i: 1 } })
  const mean = g.op('Conv', [pooled, g.floats(encoderMatrix(), [LATENT_CHANNELS, 3, 1, 1])])
  const dims = ['batch', options.vaeEncoderOutput === 'latent_parameters' ? 2 * LATENT_CHANNELS : LATENT_CHANNELS, 'latent_height', 'latent_width']
  if (options.vaeEncoderOutput === 'latent_sample') {
    floatOutput(g, 'latent_sample', mean, dims, options.floatType)
  } else {
    // A near-deterministic posterior: log-variance −20.
    const logvar = g.op('Conv', [pooled, g.floats(new Float32Array(LATENT_CHANNELS * 3), [LATENT_CHANNELS, 3, 1, 1]), g.floats(new Float32Array(LATENT_CHANNELS).fill(-20), [LATENT_CHANNELS])])
    floatOutput(g, 'latent_parameters', g.op('Concat', [mean, logvar], { axis: { i: 1 } }), dims, options.floatType)
  }
  return g.toBytes()
}
