import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { TLRecord } from '@tldraw/tlschema'
import { pagesOf } from '../../support/boardFixtures'
import { connectClient, syncUrlOf } from '../../support/syncClient'
import { createBoard } from './boardPage'

/**
 * A new board named `name` with one 16:9 shot in one scene whose picture is `png` (uploaded to
 * the board), written over sync as someone's client would, with `more` records beside it
 * (board settings, say). The client is closed again.
 */
export async function boardWithPictureShot(serverUrl: string, name: string, png: Buffer, more: readonly TLRecord[] = []): Promise<{ boardId: string; shot: TLShotShape }> {
  const boardId = await createBoard(serverUrl, name)
  const uploaded = await fetch(`${serverUrl}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(png) })
  const src = ((await uploaded.json()) as { url: string }).url
  const client = connectClient(syncUrlOf(serverUrl), boardId)
  await client.synced()
  const scene = createScene({ order: 'a1' as never, name: 'Scene 1' })
  const shot = createShotShape({
    parentId: pagesOf(client.doc)[0]!.id as never,
    index: 'a1' as never,
    props: { sceneId: scene.id, order: 'a1' as never, title: 'Wide', aspect: '16:9', media: { assetId: 'asset:picture' as never, src, kind: 'image' } },
  })
  client.doc.transact(() => putRecords(client.doc, [scene, shot, ...more] as never))
  client.destroy()
  return { boardId, shot }
}
