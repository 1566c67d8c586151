import { roleAtLeast } from '@storyloom/shared/access/roles'
import { assetUrl } from '@storyloom/shared/api/assets'
import { parseBoardAssetUrl } from '@storyloom/shared/api/assets'
import type { AssetCopyRefusal, AssetCopyResponse } from '@storyloom/shared/api/assetCopies'
import { roleOnBoard } from '../access/memberships'
import type { Principal } from '../access/principal'
import type { Db } from '../db/openDatabase'
import { liveBoardExists } from '../boards/liveBoards'
import type { AssetStore } from './assetStore'

/**
 * Copies the files other boards' asset `urls` name into `toBoardId` (what a paste from another
 * board asks for; see `@storyloom/shared/api/assetCopies`). The caller's right to edit
 * `toBoardId` is checked before (the board access check); here, per URL, their right to read
 * the board it comes from: a URL is refused with exactly the code `GET` on it would answer them
 * (`board_not_found`, `board_forbidden`, `asset_not_found`), so asking tells nothing more.
 * `urls` must all be board asset URLs (the request schema checks).
 */
export async function copyBoardAssets(
  { db, assets }: { db: Db; assets: Pick<AssetStore, 'copy'> },
  { principal, toBoardId, urls }: { principal: Principal; toBoardId: string; urls: readonly string[] },
): Promise<AssetCopyResponse> {
  const answer: AssetCopyResponse = { copies: [], refused: [] }
  // A paste names the same board again and again: its access is looked up once.
  const readable = new Map<string, AssetCopyRefusal | null>()
  const refusalFor = (boardId: string): AssetCopyRefusal | null => {
    let refusal = readable.get(boardId)
    if (refusal === undefined) {
      const exists = liveBoardExists(db, boardId)
      const role = exists ? roleOnBoard(db, principal, boardId) : undefined
      refusal = !exists ? 'board_not_found' : !role || !roleAtLeast(role, 'viewer') ? 'board_forbidden' : null
      readable.set(boardId, refusal)
    }
    return refusal
  }
  for (const from of urls) {
    const source = parseBoardAssetUrl(from)
    if (!source) throw new Error(`not a board asset URL: ${from}`) // the request schema let it through
    const refusal = refusalFor(source.boardId)
    if (refusal) {
      answer.refused.push({ from, code: refusal })
      continue
    }
    const copied = await assets.copy(source.boardId, toBoardId, source.assetId)
    if (copied) answer.copies.push({ from, url: assetUrl(toBoardId, copied.sha256) })
    else answer.refused.push({ from, code: 'asset_not_found' })
  }
  return answer
}
