import { describe, expect, it } from 'vitest'
import { configFromEnv, isLoopbackHost } from './config'
import { purgeTime } from './boards/boardTrash'

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

  it('lets anyone sign up unless STORYLOOM_SIGNUP=invite, and refuses any other value', () => {
    expect(configFromEnv({}).signUp).toBe('open')
    expect(configFromEnv({ STORYLOOM_SIGNUP: '' }).signUp).toBe('open')
    expect(configFromEnv({ STORYLOOM_SIGNUP: 'invite' }).signUp).toBe('invite')
    expect(() => configFromEnv({ STORYLOOM_SIGNUP: 'closed' })).toThrow(/STORYLOOM_SIGNUP must be "open" or "invite", got "closed"/)
  })

  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.3.2.1', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true)
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '127.0.0.1.example.com']) expect(isLoopbackHost(host), host).toBe(false)
  })
})

describe('bad settings', () => {
  it('an empty PORT means the default, not a random port', () => {
    expect(configFromEnv({ PORT: '' }).port).toBe(5310)
    expect(configFromEnv({ PORT: '0' }).port).toBe(0)
  })

  it('an empty HOST (an empty line in a .env file) means the default, not every interface', () => {
    expect(configFromEnv({ HOST: '' }).host).toBe('127.0.0.1')
    expect(configFromEnv({ HOST: '' }).authRequired).toBe(false)
  })

  it('numbers are written as plain digits: 1e3 or 0x50 is a typo, not a port or a limit', () => {
    for (const value of ['1e3', '0x50', ' 80', '80.0', '+80']) expect(() => configFromEnv({ PORT: value }), value).toThrow(/PORT must be a port number/u)
    for (const value of ['1e9', '0x10', '2.0']) {
      expect(() => configFromEnv({ STORYLOOM_MAX_ACTIVE_GENERATIONS: value }), value).toThrow(/STORYLOOM_MAX_ACTIVE_GENERATIONS must be a whole number/u)
    }
    expect(configFromEnv({ STORYLOOM_MAX_ACTIVE_GENERATIONS: '40' }).maxActiveGenerationsPerUser).toBe(40)
    for (const value of ['1e2', '0x19', '.5']) expect(() => configFromEnv({ STORYLOOM_MAX_ASSET_MB: value }), value).toThrow(/STORYLOOM_MAX_ASSET_MB must be a number above 0/u)
  })

  it('keeps deleted boards STORYLOOM_TRASH_DAYS days (30 by default), a whole number from 1 to 36500', () => {
    expect(configFromEnv({}).trashDays).toBe(30)
    expect(configFromEnv({ STORYLOOM_TRASH_DAYS: '7' }).trashDays).toBe(7)
    expect(configFromEnv({ STORYLOOM_TRASH_DAYS: '36500' }).trashDays).toBe(36500)
    for (const value of ['0', '-3', '1.5', 'thirty', '1e2']) {
      expect(() => configFromEnv({ STORYLOOM_TRASH_DAYS: value }), value).toThrow(/STORYLOOM_TRASH_DAYS must be a whole number from 1 to 36500/u)
    }
  })

  // An admin writing "never" as a billion days got a server whose Recently deleted list answered
  // 500 once a board was deleted: the purge date was past the last date JavaScript has.
  it('refuses STORYLOOM_TRASH_DAYS past any date a board could be purged on, and every allowed one gives a date', () => {
    for (const value of ['36501', '999999999', '99999999999999999999']) {
      expect(() => configFromEnv({ STORYLOOM_TRASH_DAYS: value }), value).toThrow(`STORYLOOM_TRASH_DAYS must be a whole number from 1 to 36500, got "${value}"`)
    }
    expect(purgeTime(new Date(), 36500).toISOString()).toMatch(/^\d{4}-/u)
  })

  it('refuses an upload limit so small that no upload could pass', () => {
    expect(() => configFromEnv({ STORYLOOM_MAX_ASSET_MB: '0.0000001' })).toThrow(/STORYLOOM_MAX_ASSET_MB is less than one byte/u)
  })

  it('refuses an upload limit that is not a positive number', () => {
    expect(configFromEnv({ STORYLOOM_MAX_ASSET_MB: '0.5' }).maxAssetBytes).toBe(524_288)
    for (const value of ['abc', '0', '-3']) expect(() => configFromEnv({ STORYLOOM_MAX_ASSET_MB: value }), value).toThrow(/STORYLOOM_MAX_ASSET_MB must be a number above 0/u)
  })

  it('refuses a REDIS_URL that is not a Redis URL, without printing its password', () => {
    expect(configFromEnv({ REDIS_URL: 'rediss://:pw@redis.internal:6380/2' }).redisUrl).toBe('rediss://:pw@redis.internal:6380/2')
    expect(() => configFromEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/u)
    expect(() => configFromEnv({ REDIS_URL: 'http://:hunter2@redis:6379' })).toThrow(/"http:\/\/:\*\*\*@redis:6379\/?"/u)
  })

  it('refuses an allowed origin that no browser could send, rather than refusing every change from it', () => {
    // A bare host name used to be kept and never matched: behind a proxy every save and the sync socket got 403.
    expect(configFromEnv({ STORYLOOM_ALLOWED_ORIGINS: ' https://Boards.Studio.test/ ,http://10.0.0.5:8080' }).allowedOrigins).toEqual(['https://boards.studio.test', 'http://10.0.0.5:8080'])
    for (const value of ['boards.studio.test', 'boards.studio.test:443', 'ftp://boards.studio.test']) {
      expect(() => configFromEnv({ STORYLOOM_ALLOWED_ORIGINS: `https://ok.test,${value}` }), value).toThrow(new RegExp(`STORYLOOM_ALLOWED_ORIGINS: "${value}" is not an origin.*https://`, 'u'))
    }
  })
})
