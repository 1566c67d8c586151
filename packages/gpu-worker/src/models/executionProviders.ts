import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as ort from 'onnxruntime-node'
import { ModelLoadError } from '../errors'

/** Which device a worker should run on: `auto` picks CUDA when it can, else the CPU. */
export type DeviceRequest = 'auto' | 'cpu' | 'cuda' | `cuda:${number}`

/** What this machine's onnxruntime-node can do. */
export type BackendAvailability = {
  /** Backend names the binding was built with (`listSupportedBackends()`). */
  backends: readonly string[]
  /** Whether the CUDA provider library is installed next to the binding (ONNXRUNTIME_NODE_INSTALL=cuda12). */
  cudaLibraryPresent: boolean
}

/** Execution providers for every session of a model, and a short label for logs and the UI. */
export type ProviderChoice = { providers: ort.InferenceSession.ExecutionProviderConfig[]; device: string }

/**
 * Reads what onnxruntime-node supports here. The binding lists `cuda` even where its provider
 * library was never downloaded, so the library file is checked too: asking for CUDA without it
 * makes session creation throw rather than fall back.
 */
export function detectBackends(): BackendAvailability {
  const backends = ort.listSupportedBackends().map((b) => b.name)
  let cudaLibraryPresent = false
  if (backends.includes('cuda') && process.platform === 'linux') {
    const bindingDir = join(dirname(createRequire(import.meta.url).resolve('onnxruntime-node')), '..', 'bin', 'napi-v6', process.platform, process.arch)
    cudaLibraryPresent = existsSync(join(bindingDir, 'libonnxruntime_providers_cuda.so'))
  }
  return { backends, cudaLibraryPresent }
}

/**
 * Chooses execution providers for a device request: CUDA (then CPU for unsupported ops) when
 * it is available, CPU otherwise. CUDA is never requested where it is missing; an explicit
 * `cuda` request on such a machine fails with a clear error instead.
 */
export function chooseExecutionProviders(request: DeviceRequest, availability: BackendAvailability): ProviderChoice {
  const cudaAvailable = availability.backends.includes('cuda') && availability.cudaLibraryPresent
  if (request === 'cpu' || (request === 'auto' && !cudaAvailable)) return { providers: ['cpu'], device: 'cpu' }
  if (!cudaAvailable) {
    throw new ModelLoadError(
      `device "${request}" asked for CUDA, but this onnxruntime-node has no CUDA provider (install it with ONNXRUNTIME_NODE_INSTALL=cuda12, or use device "cpu")`,
    )
  }
  const deviceId = request.startsWith('cuda:') ? Number(request.slice(5)) : 0
  if (!Number.isInteger(deviceId) || deviceId < 0) throw new ModelLoadError(`device "${request}" is not a CUDA device id`)
  return { providers: [{ name: 'cuda', deviceId }, 'cpu'], device: `cuda:${deviceId}` }
}

/** Parses a device setting (e.g. from the environment), defaulting to `auto`. */
export function parseDeviceRequest(value: string | undefined): DeviceRequest {
  const v = (value ?? 'auto').trim().toLowerCase()
  if (v === '' || v === 'auto') return 'auto'
  if (v === 'cpu' || v === 'cuda' || /^cuda:\d+$/u.test(v)) return v as DeviceRequest
  throw new ModelLoadError(`unknown device "${value}": use auto, cpu, cuda or cuda:N`)
}
