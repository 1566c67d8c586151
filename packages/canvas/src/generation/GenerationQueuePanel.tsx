import { useContext, useRef, useState } from 'react'
import { useValue } from 'tldraw'
import { FloatingPanel } from '../board/FloatingPanel'
import { useEscapeInside } from '../board/useEscapeInside'
import type { BoardGenerationFeed } from './BoardGenerationFeed'
import { GenerationFeedContext } from './GenerationFeedContext'
import { GenerationQueueRow } from './GenerationQueueRow'
import { NoWorkerNote } from './NoWorkerNote'
import { queueOrderNote, queueRows } from './queueRows'
import { useDismissOutside } from './useDismissOutside'
import '../styles/generation.css'

/**
 * The board's generation queue, for everyone: each generation's shot, who started it, its
 * place in the queue or its progress, and cancel for its author. Closed, it is a button that
 * counts what is running and waiting. Open, it is a popover: a press anywhere outside it (the
 * canvas, the shot it sits over) closes it, as Escape in it does, so it never keeps the board's
 * first shot out of reach.
 */
export function GenerationQueuePanel() {
  const feed = useContext(GenerationFeedContext)
  return feed ? <Panel feed={feed} /> : null
}

function Panel({ feed }: { feed: BoardGenerationFeed }) {
  const [open, setOpen] = useState(false)
  const toggle = useRef<HTMLButtonElement>(null)
  const body = useRef<HTMLElement>(null)
  useDismissOutside([body, toggle], () => setOpen(false), open)
  const closeToToggle = () => {
    setOpen(false)
    toggle.current?.focus()
  }
  // Escape in the popover or on its toggle (where a click leaves the keyboard) closes it.
  useEscapeInside(body, closeToToggle, open)
  useEscapeInside(toggle, closeToToggle, open)
  const state = useValue('board generations', () => feed.state.get(), [feed])
  const mine = useValue('my generations', () => feed.mine.get(), [feed])
  const models = useValue('generation models', () => feed.models.get(), [feed])
  const { live, recent } = queueRows(state)
  const orderNote = queueOrderNote(live)
  const running = live.filter((g) => g.status === 'running').length
  const workers = models.status === 'ready' ? models.workers : null
  return (
    <FloatingPanel
      className="generation-queue"
      toggleClassName="generation-queue__toggle"
      label={live.length > 0 ? `Queue · ${running} running, ${live.length - running} waiting` : 'Queue'}
      open={open}
      onToggle={(next) => {
        if (next) void feed.refreshModels()
        setOpen(next)
      }}
      controls="generation-queue-panel"
      busy={live.length > 0}
      toggleRef={toggle}
    >
      {open && (
        <section ref={body} id="generation-queue-panel" className="floating-panel__panel floating-surface generation-queue__panel" aria-label="Generation queue" data-testid="generation-queue">
          <header className="generation-queue__header">
            <span>Generations on this board</span>
            {workers !== null && <span className="generation-queue__workers">{workers === 1 ? '1 worker' : `${workers} workers`}</span>}
          </header>
          {models.status === 'ready' && models.workers === 0 && <NoWorkerNote lastRefusal={models.lastRefusal} className="generation-queue__no-worker" />}
          {live.length === 0 && recent.length === 0 && (
            <p className="generation-queue__empty">Nothing queued. Select shots and press Shift+G to generate.</p>
          )}
          {orderNote && <p className="generation-queue__order">{orderNote}</p>}
          {live.length > 0 && (
            <ol className="floating-panel__list">
              {live.map((g) => (
                <GenerationQueueRow key={g.id} feed={feed} generation={g} preview={state.previews[g.id] ?? null} mine={mine.has(g.id)} workerLost={state.workerLost[g.id] !== undefined} restarting={state.restarting[g.id] !== undefined} />
              ))}
            </ol>
          )}
          {recent.length > 0 && (
            <>
              <h3 className="generation-queue__subhead">Recently finished</h3>
              <ol className="floating-panel__list">
                {recent.map((g) => (
                  <GenerationQueueRow key={g.id} feed={feed} generation={g} preview={null} mine={mine.has(g.id)} />
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </FloatingPanel>
  )
}
