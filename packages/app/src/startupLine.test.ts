import { describe, expect, it } from 'vitest'
import { startupLine } from './startupLine'

describe('startupLine', () => {
  it('says where, the data directory, how generations run, and whether people sign in', () => {
    expect(startupLine('http://127.0.0.1:5310', { dataDir: '/srv/data', authRequired: false }, 'embedded')).toBe(
      'Storyloom is running at http://127.0.0.1:5310  (data: /srv/data; generations: embedded queue, built-in worker; accounts: off, local only)',
    )
    expect(startupLine('http://0.0.0.0:5310', { dataDir: 'data', authRequired: true }, 'redis')).toBe(
      'Storyloom is running at http://0.0.0.0:5310  (data: data; generations: Redis queue, start workers with `pnpm worker`; accounts: required, the first account made is the admin)',
    )
  })
})
