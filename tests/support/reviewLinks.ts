import { expect } from 'vitest'
import { shareLinkResponseSchema } from '@storyloom/shared/review/shareLinks'

/** Makes a review link to `boardId` on the server at `serverUrl`, as the team does (no expiry, no passcode), and returns its token. */
export async function reviewToken(serverUrl: string, boardId: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/boards/${boardId}/share-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  expect(res.status).toBe(201)
  return shareLinkResponseSchema.parse(await res.json()).path.split('/').at(-1)!
}
