import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { ModelFolderUnreadableError } from '@storyloom/gpu-worker/errors'
import { lanUrls, startupLine, workerStartFailure } from './startupLine'

const local = { dataDir: '/srv/data', authRequired: false, host: '127.0.0.1', workerToken: undefined }

describe('startupLine', () => {
  it('says where, the data directory, how generations run, and whether people sign in', () => {
    expect(startupLine('http://127.0.0.1:5310', local, 'embedded')).toBe(
      'Storyloom is running at http://127.0.0.1:5310  (data: /srv/data; generations: embedded queue, built-in worker; accounts: off, local only)',
    )
  })

  it('in Redis mode, says where the worker token is, and on every interface, the addresses other machines use', () => {
    const line = startupLine('http://localhost:5310', { dataDir: 'data', authRequired: true, host: '0.0.0.0', workerToken: undefined }, 'redis', ['http://192.168.1.20:5310'])
    expect(line).toBe(
      'Storyloom is running at http://localhost:5310, on the network at http://192.168.1.20:5310  (data: data; generations: Redis queue, start workers with `pnpm worker` (worker token: data/worker-token); accounts: required, the first account made is the admin)',
    )
    expect(startupLine('http://localhost:5310', { ...local, host: '0.0.0.0', workerToken: 's3cret-token-value' }, 'redis', [])).toContain(
      '(worker token: STORYLOOM_WORKER_TOKEN)',
    )
    expect(startupLine('http://localhost:5310', { ...local, host: '0.0.0.0', workerToken: 's3cret-token-value' }, 'redis', [])).not.toContain('s3cret')
  })
})

describe('lanUrls', () => {
  const address = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal }) as NetworkInterfaceInfo
  const interfaces = {
    lo: [address('127.0.0.1', 'IPv4', true), address('::1', 'IPv6', true)],
    eth0: [address('192.168.1.20', 'IPv4'), address('fe80::1', 'IPv6'), address('2001:db8::5', 'IPv6')],
  }

  it('lists the non-loopback addresses when listening on all interfaces, and none for one address', () => {
    expect(lanUrls('http://localhost:5310', '0.0.0.0', interfaces)).toEqual(['http://192.168.1.20:5310'])
    expect(lanUrls('http://localhost:5310', '::', interfaces)).toEqual(['http://192.168.1.20:5310', 'http://[2001:db8::5]:5310'])
    expect(lanUrls('http://127.0.0.1:5310', '127.0.0.1', interfaces)).toEqual([])
  })
})

describe('workerStartFailure', () => {
  it("gives the worker's own reason on one line, without a stack trace", () => {
    const printed = workerStartFailure(new ModelFolderUnreadableError('cannot read the model folder /srv/data/models/sd-turbo: permission denied'))
    expect(printed).toEqual([
      '[storyloom] the built-in worker could not start, generations will wait in the queue until it can: cannot read the model folder /srv/data/models/sd-turbo: permission denied',
    ])
  })

  it('keeps an unexpected error whole, stack and all', () => {
    const unexpected = new TypeError('x is undefined')
    expect(workerStartFailure(unexpected)).toEqual(['[storyloom] the built-in worker could not start, generations will wait in the queue until it can:', unexpected])
  })
})
