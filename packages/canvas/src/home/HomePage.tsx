import { useMemo, useRef, useState } from 'react'
import { PageHeader } from '../app/PageHeader'
import { BoardListToolbar } from './BoardListToolbar'
import { visibleBoards } from './boardListView'
import { BoardRow } from './BoardRow'
import { CreateBoardForm } from './CreateBoardForm'
import { RecentlyDeleted } from './RecentlyDeleted'
import { useBoardList } from './useBoardList'
import { useBoardSort } from './useBoardSort'

/**
 * `/`: every board on this server, searchable by name and in the order the person chose (last
 * edited by default); create, rename, duplicate, delete, open; and, on its own tab, the
 * recently deleted boards to restore or delete forever.
 */
export function HomePage() {
  const { state, retry, replace, add, remove } = useBoardList()
  const [tab, setTab] = useState<'boards' | 'deleted'>('boards')
  const [query, setQuery] = useState('')
  const [sort, setSort] = useBoardSort()
  // Recomputed from each list the server sends, so search and order hold through live updates.
  const boards = useMemo(() => (state.status === 'ready' ? visibleBoards(state.boards, query, sort) : []), [state, query, sort])
  const searching = query.trim() !== ''
  const searchRef = useRef<HTMLInputElement>(null)
  const clearSearch = () => {
    setQuery('')
    // The button goes with the empty state: focus goes back where the search is typed.
    searchRef.current?.focus()
  }

  return (
    <div className="home">
      <PageHeader />

      <main className="home__main">
        <section className="home__intro">
          <h1>Boards</h1>
          <p>Lay out shots, pin references and sketch camera moves together, live.</p>
        </section>

        <CreateBoardForm />

        <div className="home__tabs" role="tablist" aria-label="Board lists">
          <button type="button" role="tab" id="boards-tab" aria-controls="boards-panel" aria-selected={tab === 'boards'} className="home__tab" onClick={() => setTab('boards')}>
            Boards
          </button>
          <button type="button" role="tab" id="deleted-tab" aria-controls="boards-panel" aria-selected={tab === 'deleted'} className="home__tab" onClick={() => setTab('deleted')}>
            Recently deleted
          </button>
        </div>

        <section aria-labelledby="board-list-title" className="panel" role="tabpanel" id="boards-panel">
          <h2 id="board-list-title" className="visually-hidden">
            {tab === 'boards' ? 'Your boards' : 'Recently deleted'}
          </h2>
          {/* The board list stays loaded (and live) behind the other tab: a restore shows in it at once. */}
          {tab === 'deleted' && <RecentlyDeleted onRestored={add} />}
          {tab === 'boards' && state.status === 'loading' && (
            <p className="panel__message" role="status">
              <span className="spinner spinner--small" aria-hidden /> Loading boards…
            </p>
          )}
          {tab === 'boards' && state.status === 'failed' && (
            <div className="panel__message panel__message--error" role="alert">
              <p>
                <strong>
                  {state.error.code === 'unreachable' ? 'Cannot reach the Storyloom server.' : 'The boards could not be loaded.'}
                </strong>{' '}
                {state.error.code === 'unreachable'
                  ? 'Check that it is running and that you are online.'
                  : state.error.message}
              </p>
              <button type="button" className="button" onClick={retry}>
                Try again
              </button>
            </div>
          )}
          {tab === 'boards' && state.status === 'ready' && state.boards.length === 0 && (
            <p className="panel__message">No boards yet. Create the first one above.</p>
          )}
          {tab === 'boards' && state.status === 'ready' && state.boards.length > 0 && (
            <>
              <BoardListToolbar query={query} onQueryChange={setQuery} sort={sort} onSortChange={setSort} searchRef={searchRef} />
              {/* Said once typing stops changing it; the rows themselves are not announced. */}
              <p className="visually-hidden" role="status">
                {searching && `${boards.length} of ${state.boards.length} boards`}
              </p>
              {boards.length > 0 ? (
                <ul className="board-list" aria-labelledby="board-list-title">
                  {boards.map((board) => (
                    <BoardRow key={board.id} board={board} onRenamed={replace} onDeleted={remove} onDuplicated={add} />
                  ))}
                </ul>
              ) : (
                <div className="panel__message">
                  <p>
                    No boards match “<bdi>{query.trim()}</bdi>”.
                  </p>
                  <button type="button" className="button" onClick={clearSearch}>
                    Clear search
                  </button>
                </div>
              )}
            </>
          )}
        </section>
      </main>
    </div>
  )
}
