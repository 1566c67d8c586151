import { describe, expect, it } from 'vitest'
import { errorFrom } from './apiClient'
import { presentableMessage } from './presentableMessage'

describe('server messages shown to people', () => {
  it('reads as a sentence, without a field path the message already names', () => {
    expect(presentableMessage('name: name must not be empty')).toBe('Name must not be empty.')
    expect(presentableMessage('name: name must not be empty; label: label must be at most 80 characters')).toBe(
      'Name must not be empty; label must be at most 80 characters.',
    )
  })

  it('keeps a field path the message needs to make sense', () => {
    expect(presentableMessage('shots.0.duration: must be more than 0 seconds')).toBe('shots.0.duration: must be more than 0 seconds.')
    expect(presentableMessage('Idempotency-Key: Invalid string')).toBe('Idempotency-Key: Invalid string.')
  })

  it('leaves a message that is already a sentence as it is', () => {
    expect(presentableMessage('Cannot reach the Storyloom server.')).toBe('Cannot reach the Storyloom server.')
    expect(presentableMessage('that is not the passcode of this review link')).toBe('That is not the passcode of this review link.')
  })

  it('is what an API error carries', async () => {
    const body = { error: { code: 'invalid_request', message: 'name: name must not be empty' } }
    const error = await errorFrom({ status: 400, json: async () => body } as never)
    expect(error.code).toBe('invalid_request')
    expect(error.message).toBe('Name must not be empty.')
  })
})
