import { describe, expect, it } from 'vitest'
import { explainUploadFailures, UploadRefusals } from './uploadRefusals'

const unreadable = 'The browser could not read this file as a picture or clip.'

describe('explainUploadFailures', () => {
  it('gives each bare "Upload failed" toast the server’s reason, in the order the refusals came', () => {
    const refusals = new UploadRefusals()
    refusals.record('File is not a PNG, JPEG, GIF, WebP or AVIF image…')
    refusals.record('File is larger than 25 MB')
    const toasts = [
      { id: 'a', title: 'Board renamed' },
      { id: 'b', title: 'Upload failed', severity: 'error' as const },
      { id: 'c', title: 'Upload failed', severity: 'error' as const },
    ]
    expect(explainUploadFailures(toasts, 'Upload failed', refusals, unreadable)?.map((t) => t.description)).toEqual([
      undefined,
      'File is not a PNG, JPEG, GIF, WebP or AVIF image…',
      'File is larger than 25 MB',
    ])
  })

  it('says the file could not be read when no refusal is waiting (one long past belonged to another toast), and leaves explained toasts alone', () => {
    const refusals = new UploadRefusals()
    refusals.record('an old refusal', Date.now() - 60_000)
    expect(explainUploadFailures([{ id: 'b', title: 'Upload failed' }], 'Upload failed', refusals, unreadable)?.[0]?.description).toBe(unreadable)
    expect(explainUploadFailures([{ id: 'b', title: 'Upload failed', description: 'why' }], 'Upload failed', refusals, unreadable)).toBeUndefined()
  })
})
