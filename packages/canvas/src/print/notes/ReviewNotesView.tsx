import { Fragment, useMemo, useRef, type CSSProperties } from 'react'
import { useValue, type TLStore } from 'tldraw'
import { Link, useSearchParams } from 'wouter'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { dateTimeText, longDateText } from '../../app/dateTimeText'
import { SceneHeading } from '../../presentation/SceneHeading'
import { usePresentationModel } from '../../presentation/usePresentationModel'
import { useSketchEditor } from '../../presentation/useSketchEditor'
import { boardThreads } from '../../review/boardThreads'
import type { BoardSession } from '../../sync/BoardSession'
import { pageRule } from '../pageStyle'
import { PICTURES_PENDING_ATTRIBUTE } from '../picturesReady'
import { usePreviewZoom } from '../previewZoom'
import { usePrintTitle } from '../usePrintTitle'
import { usePrintWhenReady } from '../usePrintWhenReady'
import { notesLinkLabels, reviewNotes } from './reviewNotes'
import { ReviewNotesShot } from './ReviewNotesShot'
import { useBoardVerdicts } from './useBoardVerdicts'
import '../../styles/print.css'
import '../../styles/reviewNotes.css'

/** The address's switch for "Only shots with open notes". */
const OPEN_ONLY_PARAM = 'open'

type ReviewNotesViewProps = { session: BoardSession; store: TLStore; name: string | undefined }

/**
 * The client's review notes as printed pages (A4 or Letter, portrait), under a bar that is never
 * printed: a header (board, review links, date printed), then shot by shot in board order the
 * frame, number and title, the latest verdict and the client's threads. A shot never splits
 * across pages (reviewNotes.css). Live: a comment or verdict given meanwhile shows at once.
 */
export function ReviewNotesView({ session, store, name }: ReviewNotesViewProps) {
  const model = usePresentationModel(store)
  const sketchEditor = useSketchEditor(store)
  const threadsSource = useMemo(() => boardThreads(session, { kind: 'team', boardId: session.boardId }), [session])
  const threads = useValue(threadsSource.threads)
  const threadsError = useValue(threadsSource.error)
  const verdicts = useBoardVerdicts(session)
  const [search, setSearch] = useSearchParams()
  const openOnly = search.get(OPEN_ONLY_PARAM) === '1'
  const sections = useMemo(() => reviewNotes(model.shots, threads, verdicts.data?.verdicts ?? [], openOnly), [model.shots, threads, verdicts.data, openOnly])
  const links = useMemo(() => notesLinkLabels(sections, verdicts.data?.links ?? []), [sections, verdicts.data])
  const date = useMemo(() => longDateText(new Date()), [])
  const sheet = useRef<HTMLElement>(null)
  const preview = useRef<HTMLDivElement>(null)
  const zoom = usePreviewZoom(preview, 'portrait')
  usePrintTitle(name, 'Review notes')
  const { print, waitingFor } = usePrintWhenReady(sheet)

  const listed = sections.flatMap((s) => s.shots)
  const openThreads = listed.reduce((n, e) => n + e.threads.filter((t) => !t.resolved).length, 0)
  const judged = (verdict: string) => listed.filter((e) => e.verdict?.verdict === verdict).length
  const loading = verdicts.data === undefined && verdicts.error === undefined
  const problem = verdicts.error ?? threadsError
  const title = name ?? 'Review notes'
  const pending = sketchEditor === null ? { [PICTURES_PENDING_ATTRIBUTE]: '' } : {}
  return (
    <div className="print-page" ref={preview} style={{ '--preview-zoom': zoom } as CSSProperties}>
      {/* A landmark, as the sheet (main) is (see PrintView). */}
      <header className="print-page__header">
        <div className="print-toolbar" role="toolbar" aria-label="Print options">
          <Link href={`/b/${session.boardId}`} className="button button--quiet">
            Back to board
          </Link>
          <label className="print-toolbar__check">
            <input
              type="checkbox"
              checked={openOnly}
              onChange={(e) => setSearch(e.target.checked ? { [OPEN_ONLY_PARAM]: '1' } : {}, { replace: true })}
            />
            Only shots with open notes
          </label>
          <span className="print-toolbar__status" role="status">
            {problem ?? (loading ? 'Loading notes…' : waitingFor ? `Loading ${waitingFor} ${waitingFor === 1 ? 'picture' : 'pictures'}…` : '')}
          </span>
          <button type="button" className="button button--primary" onClick={print} disabled={waitingFor !== null || loading}>
            Print…
          </button>
        </div>
      </header>
      <main ref={sheet} className="print-sheet notes-sheet" data-testid="notes-sheet" data-orientation="portrait" {...pending}>
        <style>{pageRule('portrait', `${name === undefined ? title : isolatedName(name)} · Review notes · ${date}`)}</style>
        <header className="print-sheet__header">
          <h1 className="print-sheet__title">{name === undefined ? title : <bdi>{name}</bdi>}</h1>
          <p className="print-sheet__meta">Review notes · printed {date}</p>
          <p className="notes-sheet__summary" data-testid="notes-summary">
            {links.length > 0 && (
              <>
                {links.length === 1 ? 'Review link: ' : 'Review links: '}
                {links.map((label, i) => (
                  <Fragment key={i}>
                    {i > 0 && ', '}
                    {label ? <bdi>{label}</bdi> : 'without a label'}
                  </Fragment>
                ))}
                {' · '}
              </>
            )}
            {listed.length} {listed.length === 1 ? 'shot' : 'shots'} · {judged('approved')} approved · {judged('changes-requested')} changes requested ·{' '}
            {openThreads} open {openThreads === 1 ? 'note' : 'notes'}
          </p>
        </header>
        {model.shots.length === 0 && <p className="print-sheet__empty">This board has no shots yet.</p>}
        {model.shots.length > 0 && listed.length === 0 && !loading && (
          <p className="print-sheet__empty">{openOnly ? 'No shot has open notes: every client note is resolved.' : 'No notes yet.'}</p>
        )}
        {sections.map(({ group, shots }) => {
          const [first, ...rest] = shots.map((entry) => (
            <ReviewNotesShot key={entry.shot.id} entry={entry} sketchEditor={sketchEditor} mediaUrl={(src) => src} />
          ))
          return (
            <section key={group.scene?.id ?? ''} className="notes-scene" data-testid="notes-scene">
              {/* A scene's heading stays on the page of its first shot. */}
              <div className="print-scene__opening">
                {model.hasScenes && <SceneHeading group={group} block="print-scene" testId="notes-scene-heading" />}
                {first}
              </div>
              {rest}
            </section>
          )
        })}
      </main>
    </div>
  )
}
