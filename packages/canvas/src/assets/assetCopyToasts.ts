import type { TLUiToast } from 'tldraw'
import type { AssetCopyRefusal } from '@storyloom/shared/api/assetCopies'
import type { AssetCopyOutcome } from './assetCopyQueue'

const pictures = (count: number) => (count === 1 ? '1 pasted picture' : `${count} pasted pictures`)

/** Why a picture stayed on the board it came from, and what that means for this board. */
const REFUSAL_TEXT: Record<AssetCopyRefusal, string> = {
  board_forbidden:
    'You are not a member of the board they came from. They stay on the canvas but show only to people who can open that board; ask its owner for an invite and paste again, or upload the pictures here.',
  // A board id this server does not know: deleted here, or never here (copied on another Storyloom server).
  board_not_found:
    'The board they came from is not on this server: it was deleted, or they were copied on another Storyloom server. What was pasted stays on the canvas without them; upload the pictures here.',
  asset_not_found: 'The board they came from no longer has their files. What was pasted stays on the canvas without them.',
}

/** The toast for a round of copies, or none when everything went as it should. */
export function copyOutcomeToast(outcome: AssetCopyOutcome): TLUiToast | undefined {
  switch (outcome.kind) {
    case 'copied':
      return undefined
    case 'refused':
      return { id: `asset-copy-${outcome.code}`, severity: 'warning', title: `${pictures(outcome.urls.length)} could not be copied to this board`, description: REFUSAL_TEXT[outcome.code] }
    case 'waiting':
      return {
        id: 'asset-copy-waiting',
        severity: 'info',
        title: `${pictures(outcome.urls.length)} will be copied to this board once the server is reachable`,
        description: 'Until then they are shown from the board they came from, to its members only. Keep this board open.',
      }
    case 'failed':
      return { id: 'asset-copy-failed', severity: 'warning', title: `${pictures(outcome.urls.length)} could not be copied to this board`, description: outcome.message }
  }
}
