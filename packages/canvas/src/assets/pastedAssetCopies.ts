import type { Editor, TLRecord } from 'tldraw'
import { AssetCopyQueue, type AssetCopyOutcome } from './assetCopyQueue'
import { collectForeignAssetUrls, replaceAssetUrls } from './foreignAssetUrls'
import type { AssetCopyResponse } from '@storyloom/shared/api/assetCopies'

/** How often URLs that could not be copied for want of a connection are asked for again. */
const RETRY_MS = 15_000

type Options = {
  boardId: string
  copy: (urls: readonly string[]) => Promise<AssetCopyResponse>
  report: (outcome: AssetCopyOutcome) => void
}

/**
 * Makes what this person puts on the board (a paste from another board, above all: a shot's
 * picture, an image's file) refer to this board's files, never another board's: such a URL is
 * served only to that board's members and breaks when it is deleted. The server copies the file
 * (`POST …/assets/copy`); then every shape and asset holding the old URL is rewritten, outside
 * the undo history (the paste stays one undo step; a redo brings back the old URL, which is
 * rewritten again at once). A URL that cannot be copied stays as it was: the pasted content is
 * kept, and `report` says why. Offline, the copy waits and is asked for again when the browser
 * is back online (and every {@link RETRY_MS} while some wait), as long as the board is open.
 *
 * Only the person's own changes count: a collaborator's paste is copied by their own browser.
 */
export function registerPastedAssetCopies(editor: Editor, { boardId, copy, report }: Options): () => void {
  const queue = new AssetCopyQueue(copy, (outcome) => {
    if (outcome.kind === 'copied') rewriteEverywhere(editor, outcome.copies)
    report(outcome)
  })
  let found = false

  /** The record with the URLs already copied rewritten; the others queued. */
  const adopt = <R extends TLRecord>(record: R, source: 'user' | 'remote'): R => {
    if (source !== 'user' || editor.getIsReadonly()) return record
    const foreign = new Set<string>()
    collectForeignAssetUrls(record, boardId, foreign)
    if (foreign.size === 0) return record
    queue.add(foreign)
    found ||= queue.waiting
    return replaceAssetUrls(record, queue.copies)
  }

  const offs = (['shape', 'asset'] as const).flatMap((type) => [
    editor.sideEffects.registerBeforeCreateHandler(type, (record, source) => adopt(record, source)),
    editor.sideEffects.registerBeforeChangeHandler(type, (_prev, next, source) => adopt(next, source)),
  ])
  // Asked for once the paste is in the store (its records written), not from inside it.
  offs.push(
    editor.sideEffects.registerOperationCompleteHandler(() => {
      if (!found) return
      found = false
      void queue.flush()
    }),
  )

  const retry = () => {
    if (queue.waiting) void queue.retry()
  }
  const timer = setInterval(retry, RETRY_MS)
  window.addEventListener('online', retry)
  return () => {
    for (const off of offs) off()
    clearInterval(timer)
    window.removeEventListener('online', retry)
  }
}

/** Rewrites `copies` in every shape and asset of the board, outside the undo history. */
function rewriteEverywhere(editor: Editor, copies: ReadonlyMap<string, string>): void {
  const changed: TLRecord[] = []
  for (const record of editor.store.allRecords()) {
    if (record.typeName !== 'shape' && record.typeName !== 'asset') continue
    const next = replaceAssetUrls(record, copies)
    if (next !== record) changed.push(next)
  }
  if (changed.length > 0) editor.run(() => editor.store.put(changed), { history: 'ignore' })
}
