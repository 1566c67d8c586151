import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { pagesOf } from '../../support/boardFixtures'
import { connectClient, syncUrlOf, type SyncClient } from '../../support/syncClient'
import { createBoard } from './boardPage'

/** Long boards for Present's grid (presentGrid*.spec.ts), written over sync as an import would. */

type ShotShape = ReturnType<typeof createShotShape>

/**
 * A new board and a sync client on it, with `count` shots (titled "Shot 1"…, in that order) in
 * one scene, laid out ten to a row, not yet written: the caller adds what else it needs and puts them.
 */
export async function longBoardShots(serverUrl: string, name: string, count: number): Promise<{ boardId: string; client: SyncClient; scene: ReturnType<typeof createScene>; shots: ShotShape[] }> {
  const boardId = await createBoard(serverUrl, name)
  const client = connectClient(syncUrlOf(serverUrl), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!
  const scene = createScene({ order: 'a1' as never, name: 'Scene 1' })
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  const shots = Array.from({ length: count }, (_, i) =>
    createShotShape({
      parentId: page.id as never,
      index: 'a1' as never,
      x: (i % 20) * 360,
      y: Math.floor(i / 20) * 400,
      props: { sceneId: scene.id, order: `b${digits[Math.floor(i / 62)]}${digits[i % 62]}` as never, title: `Shot ${i + 1}` },
    }),
  )
  return { boardId, client, scene, shots }
}
