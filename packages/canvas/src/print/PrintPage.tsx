import { useEffect, useMemo, useRef, useState } from 'react'
import { useValue, type TLStore } from 'tldraw'
import { useSearchParams } from 'wouter'
import { BOARD_ID_PATTERN } from '@storyloom/shared/api/boards'
import { StatusScreen } from '../app/StatusScreen'
import { BoardFailure } from '../board/BoardFailure'
import { useBoardRole } from '../board/useBoardRole'
import { useOpenBoard } from '../board/useOpenBoard'
import { useBoardName } from '../presentation/useBoardName'
import { usePresentationModel } from '../presentation/usePresentationModel'
import { useSketchEditor } from '../presentation/useSketchEditor'
import type { BoardSession } from '../sync/BoardSession'
import { whenPicturesReady } from './picturesReady'
import { printOptionsFromSearch, printOptionsToSearch } from './printOptions'
import { PrintStoryboard } from './PrintStoryboard'
import { PrintToolbar } from './PrintToolbar'
import '../styles/print.css'

/**
 * How long Print waits for pictures before printing what is there: a sketch that cannot be
 * drawn must not keep the board from being printed at all.
 */
const PICTURE_WAIT_LIMIT_MS = 30_000

/** `/b/:boardId/print`: the board's storyboard laid out for the browser's Print (or Save as PDF). Open to anyone who may open the board. */
export default function PrintPage({ boardId }: { boardId: string }) {
  if (!BOARD_ID_PATTERN.test(boardId)) return <BoardFailure reason="not-found" />
  return <OpenPrint boardId={boardId} />
}

function OpenPrint({ boardId }: { boardId: string }) {
  const session = useOpenBoard(boardId)
  const phase = useValue('board phase', () => session?.phase.get(), [session])
  const access = useBoardRole(session)
  if (access === 'forbidden') return <BoardFailure reason="forbidden" />
  if (phase?.kind === 'failed') return <BoardFailure reason={phase.reason} />
  if (!session || phase?.kind !== 'ready') return <StatusScreen busy title="Opening storyboard…" />
  return <ReadyPrint session={session} store={phase.store} />
}

function ReadyPrint({ session, store }: { session: BoardSession; store: TLStore }) {
  const model = usePresentationModel(store)
  const name = useBoardName(session.boardId)
  const sketchEditor = useSketchEditor(store)
  const [search, setSearch] = useSearchParams()
  const options = useMemo(() => printOptionsFromSearch(search), [search])
  const date = useMemo(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date()), [])
  const sheet = useRef<HTMLElement>(null)
  const [waitingFor, setWaitingFor] = useState<number | null>(null)
  const printing = useRef<AbortController | null>(null)
  useEffect(() => () => printing.current?.abort(), [])

  // The browser's Save as PDF names the file after the page's title.
  useEffect(() => {
    document.title = name === undefined ? 'Storyboard · Storyloom' : `${name} – Storyboard`
    return () => {
      document.title = 'Storyloom'
    }
  }, [name])

  const print = () => {
    const root = sheet.current
    if (!root || printing.current) return
    const abort = new AbortController()
    printing.current = abort
    const limit = setTimeout(() => abort.abort(new Error('pictures took too long')), PICTURE_WAIT_LIMIT_MS)
    whenPicturesReady(root, abort.signal, setWaitingFor)
      .catch(() => {}) // past the limit: print what is there
      .then(() => {
        clearTimeout(limit)
        printing.current = null
        setWaitingFor(null)
        if (sheet.current) window.print()
      })
  }

  return (
    <div className="print-page">
      <PrintToolbar
        boardId={session.boardId}
        options={options}
        onOptions={(next) => setSearch(printOptionsToSearch(next), { replace: true })}
        onPrint={print}
        waitingFor={waitingFor}
      />
      <PrintStoryboard ref={sheet} boardName={name} date={date} model={model} options={options} sketchEditor={sketchEditor} />
    </div>
  )
}
