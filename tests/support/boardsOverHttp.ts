import { expect } from 'vitest'
import { assetResponseSchema } from '@storyloom/shared/api/assets'
import { boardResponseSchema } from '@storyloom/shared/api/boards'
import { makePng } from './makePng'
import type { SyncTestServer } from './syncTestServer'

/** Boards and uploads through the HTTP API of `t`'s server, each upload a different small PNG unless given a file. */
export function boardsOverHttp(t: SyncTestServer) {
  let seed = 0
  return {
    async newBoard(name: string): Promise<string> {
      const res = await t.api.api.boards.$post({ json: { name } })
      expect(res.status).toBe(201)
      return boardResponseSchema.parse(await res.json()).id
    },
    async upload(boardId: string, body: Uint8Array<ArrayBuffer> = makePng(16, 9, ++seed)): Promise<{ id: string; url: string }> {
      const res = await t.api.api.boards[':boardId'].assets.$post({ param: { boardId } }, { init: { body } })
      expect(res.status).toBe(201)
      return assetResponseSchema.parse(await res.json())
    },
  }
}
