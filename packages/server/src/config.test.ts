import { describe, expect, it } from 'vitest'
import { configFromEnv, isLoopbackHost } from './config'

describe('login mode from the environment', () => {
  it('is local (no login) by default on loopback, and required when asked', () => {
    expect(configFromEnv({}).authRequired).toBe(false)
    expect(configFromEnv({ HOST: '::1' }).authRequired).toBe(false)
    expect(configFromEnv({ STORYLOOM_AUTH: 'required' }).authRequired).toBe(true)
  })

  it('is always required on a host other machines can reach, and refuses to be turned off there', () => {
    expect(configFromEnv({ HOST: '0.0.0.0' }).authRequired).toBe(true)
    expect(configFromEnv({ HOST: '192.168.1.20' }).authRequired).toBe(true)
    expect(() => configFromEnv({ HOST: '0.0.0.0', STORYLOOM_AUTH: 'local' })).toThrow(/only allowed while HOST is a loopback/)
    expect(() => configFromEnv({ STORYLOOM_AUTH: 'off' })).toThrow(/must be "required" or "local"/)
  })

  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.3.2.1', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true)
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '127.0.0.1.example.com']) expect(isLoopbackHost(host), host).toBe(false)
  })
})
