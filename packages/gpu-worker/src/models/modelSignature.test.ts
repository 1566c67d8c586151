import type { InferenceSession } from 'onnxruntime-node'
import { describe, expect, it } from 'vitest'
import { ModelSignatureError } from '../errors'
import { checkModelSignature, type ComponentMetadata } from './modelSignature'

type Dims = (number | string)[]
const t = (name: string, type: string, shape: Dims): InferenceSession.ValueMetadata => ({ name, isTensor: true, type: type as 'float32', shape })

// Signatures as diffusers/optimum SD exports report them.
const sd15 = (): Record<string, ComponentMetadata> => ({
  text_encoder: { inputs: [t('input_ids', 'int32', ['batch', 'sequence'])], outputs: [t('last_hidden_state', 'float32', ['batch', 'sequence', 768]), t('pooler_output', 'float32', ['batch', 768])] },
  unet: {
    inputs: [t('sample', 'float32', ['batch', 4, 'h', 'w']), t('timestep', 'int64', ['steps']), t('encoder_hidden_states', 'float32', ['batch', 'sequence', 768])],
    outputs: [t('out_sample', 'float32', ['batch', 4, 'h', 'w'])],
  },
  vae_decoder: { inputs: [t('latent_sample', 'float32', ['batch', 4, 'h', 'w'])], outputs: [t('sample', 'float32', ['batch', 3, 'H', 'W'])] },
  vae_encoder: { inputs: [t('sample', 'float32', ['batch', 3, 'H', 'W'])], outputs: [t('latent_parameters', 'float32', ['batch', 8, 'h', 'w'])] },
})

describe('checkModelSignature', () => {
  it('accepts an SD1.5 export and derives how to feed it', () => {
    expect(checkModelSignature('/models/sd15', sd15())).toEqual({
      inputIdsType: 'int32',
      hiddenSize: 768,
      floatTypes: { text_encoder: 'float32', unet: 'float32', vae_decoder: 'float32', vae_encoder: 'float32', image_encoder: 'float32' },
      timestep: { type: 'int64', rank: 1, length: null },
      timestepCondDim: null,
      unetBatch: null,
      vaeEncoderOutput: 'latent_parameters',
      imagePrompt: null,
    })
  })

  it('detects LCM UNets, older VAE encoders, fp16 and fixed batches', () => {
    const m = sd15()
    m.unet = {
      inputs: [t('sample', 'float16', [1, 4, 64, 64]), t('timestep', 'float16', [1]), t('encoder_hidden_states', 'float16', [1, 77, 768]), t('timestep_cond', 'float16', [1, 256])],
      outputs: [t('out_sample', 'float16', [1, 4, 64, 64])],
    }
    m.vae_encoder = { inputs: [t('sample', 'float32', ['b', 3, 'H', 'W'])], outputs: [t('latent_sample', 'float32', ['b', 4, 'h', 'w'])] }
    const signature = checkModelSignature('/models/lcm', m)
    expect(signature.timestepCondDim).toBe(256)
    expect(signature.vaeEncoderOutput).toBe('latent_sample')
    expect(signature.floatTypes.unet).toBe('float16')
    expect(signature.unetBatch).toBe(1)
    expect(signature.timestep).toEqual({ type: 'float16', rank: 1, length: 1 })
  })

  it('works without a VAE encoder (no image-to-image)', () => {
    const m = sd15()
    delete m.vae_encoder
    expect(checkModelSignature('/models/sd15', m).vaeEncoderOutput).toBeNull()
  })

  const refuse = (mutate: (m: Record<string, ComponentMetadata>) => void, message: RegExp) => {
    const m = sd15()
    mutate(m)
    expect(() => checkModelSignature('/models/x', m)).toThrow(ModelSignatureError)
    expect(() => checkModelSignature('/models/x', m)).toThrow(message)
  }

  it('names the folder, the component and what is wrong', () => {
    refuse((m) => void (m.unet = m.text_encoder as ComponentMetadata), /^\/models\/x: unet\/model\.onnx has no input "sample" \(its inputs: input_ids\)/u)
    refuse((m) => void ((m.unet as { inputs: unknown }).inputs = [t('sample', 'int64', ['b', 4, 'h', 'w'])]), /unet\/model\.onnx input "sample" is int64, expected float32 or float16/u)
    refuse((m) => void ((m.vae_decoder as { inputs: unknown }).inputs = [t('latent_sample', 'float32', ['b', 4, 'h'])]), /vae_decoder\/model\.onnx input "latent_sample" has rank 3/u)
    refuse((m) => void ((m.vae_encoder as { outputs: unknown }).outputs = [t('latent', 'float32', ['b', 8, 'h', 'w'])]), /neither a "latent_parameters" nor a "latent_sample"/u)
    refuse((m) => void ((m.text_encoder as { outputs: unknown }).outputs = [t('last_hidden_state', 'float32', ['b', 77, 1024])]), /width 768 but text_encoder gives 1024/u)
    refuse((m) => void (m.unet as unknown as { inputs: InferenceSession.ValueMetadata[] }).inputs.push(t('text_embeds', 'float32', ['b', 1280])), /SDXL/u)
    refuse((m) => void (m.unet as unknown as { inputs: InferenceSession.ValueMetadata[] }).inputs.push(t('controlnet_cond', 'float32', ['b', 3, 'H', 'W'])), /cannot feed: controlnet_cond/u)
    refuse((m) => void delete m.vae_decoder, /vae_decoder\/model\.onnx is missing/u)
  })

  describe('image prompts (IP-Adapter style)', () => {
    // An SD1.5 IP-Adapter export: CLIP ViT-H image encoder (1024-wide embeds) and a UNet taking them.
    const withImagePrompts = (scale: boolean) => {
      const m = sd15()
      m.image_encoder = { inputs: [t('pixel_values', 'float32', ['n', 3, 224, 224])], outputs: [t('image_embeds', 'float32', ['n', 1024])] }
      ;(m.unet as unknown as { inputs: InferenceSession.ValueMetadata[] }).inputs.push(t('image_embeds', 'float32', ['batch', 'images', 1024]), ...(scale ? [t('ip_adapter_scale', 'float32', ['images'])] : []))
      return m
    }

    it('detects the capability and how to feed it', () => {
      expect(checkModelSignature('/models/ip', withImagePrompts(true)).imagePrompt).toEqual({ imageSize: 224, embedDim: 1024, images: null, scaleInput: true, floatType: 'float32' })
      expect(checkModelSignature('/models/ip', withImagePrompts(false)).imagePrompt?.scaleInput).toBe(false)
    })

    const refuseWith = (mutate: (m: Record<string, ComponentMetadata>) => void, message: RegExp) => {
      const m = withImagePrompts(true)
      mutate(m)
      expect(() => checkModelSignature('/models/ip', m)).toThrow(message)
    }

    it('refuses half a capability, mismatched widths and wrong shapes', () => {
      refuseWith((m) => void delete m.image_encoder, /unet\/model\.onnx takes image_embeds, but the folder has no image_encoder/u)
      refuseWith((m) => void ((m.unet as { inputs: unknown }).inputs = sd15().unet!.inputs), /image_encoder\/model\.onnx is present, but the UNet takes no image_embeds/u)
      refuseWith((m) => void ((m.image_encoder as { outputs: unknown }).outputs = [t('image_embeds', 'float32', ['n', 768])]), /image_embeds of width 1024 but image_encoder gives 768/u)
      refuseWith((m) => void ((m.image_encoder as { inputs: unknown }).inputs = [t('pixel_values', 'float32', ['n', 1, 224, 224])]), /pixel_values" has 1 channels, expected 3/u)
      refuseWith((m) => void ((m.image_encoder as { inputs: unknown }).inputs = [t('pixel_values', 'float32', ['n', 3, 224, 256])]), /expected a square/u)
      refuseWith((m) => void ((m.image_encoder as { outputs: unknown }).outputs = [t('last_hidden_state', 'float32', ['n', 257, 1280])]), /has no output "image_embeds"/u)
      refuseWith((m) => void ((m.unet as unknown as { inputs: InferenceSession.ValueMetadata[] }).inputs.splice(3, 1, t('image_embeds', 'float32', ['batch', 1024]))), /input "image_embeds" has rank 2/u)
    })
  })
})
