import { describe, expect, it } from 'vitest'
import { ModelLoadError } from '../errors'
import { chooseExecutionProviders, detectBackends, parseDeviceRequest } from './executionProviders'

const cpuOnly = { backends: ['cpu', 'webgpu', 'cuda', 'tensorrt'], cudaLibraryPresent: false }
const gpu = { backends: ['cpu', 'webgpu', 'cuda', 'tensorrt'], cudaLibraryPresent: true }

describe('chooseExecutionProviders', () => {
  it('uses CUDA then CPU when CUDA is installed', () => {
    expect(chooseExecutionProviders('auto', gpu)).toEqual({ providers: [{ name: 'cuda', deviceId: 0 }, 'cpu'], device: 'cuda:0' })
    expect(chooseExecutionProviders('cuda:1', gpu).providers[0]).toEqual({ name: 'cuda', deviceId: 1 })
    expect(chooseExecutionProviders('cpu', gpu).providers).toEqual(['cpu'])
  })

  it('never asks for CUDA where the binding lists it but its library is missing', () => {
    expect(chooseExecutionProviders('auto', cpuOnly)).toEqual({ providers: ['cpu'], device: 'cpu' })
    expect(() => chooseExecutionProviders('cuda', cpuOnly)).toThrow(ModelLoadError)
    expect(() => chooseExecutionProviders('cuda', cpuOnly)).toThrow(/ONNXRUNTIME_NODE_INSTALL=cuda12/u)
  })

  it("reads this machine's backends", () => {
    const here = detectBackends()
    expect(here.backends).toContain('cpu')
    // Whatever this machine has, auto must give providers a session can be created with.
    expect(chooseExecutionProviders('auto', here).providers.at(-1)).toBe('cpu')
  })

  it('parses device settings', () => {
    expect(parseDeviceRequest(undefined)).toBe('auto')
    expect(parseDeviceRequest('CUDA:2')).toBe('cuda:2')
    expect(() => parseDeviceRequest('tpu')).toThrow(ModelLoadError)
  })
})
