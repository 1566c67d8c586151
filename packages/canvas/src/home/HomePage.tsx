import { PageHeader } from '../app/PageHeader'
import { BoardRow } from './BoardRow'
import { CreateBoardForm } from './CreateBoardForm'
import { useBoardList } from './useBoardList'

/** `/`: every board on this server, newest activity first; create, rename, duplicate, delete, open. */
export function HomePage() {
  const { state, retry, replace, add, remove } = useBoardList()

  return (
    <div className="home">
      <PageHeader />

      <main className="home__main">
        <section className="home__intro">
          <h1>Boards</h1>
          <p>Lay out shots, pin references and sketch camera moves together, live.</p>
        </section>

        <CreateBoardForm />

        <section aria-labelledby="board-list-title" className="panel">
          <h2 id="board-list-title" className="visually-hidden">
            Your boards
          </h2>
          {state.status === 'loading' && (
            <p className="panel__message" role="status">
              <span className="spinner spinner--small" aria-hidden /> Loading boards…
            </p>
          )}
          {state.status === 'failed' && (
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
          {state.status === 'ready' && state.boards.length === 0 && (
            <p className="panel__message">No boards yet. Create the first one above.</p>
          )}
          {state.status === 'ready' && state.boards.length > 0 && (
            <ul className="board-list">
              {state.boards.map((board) => (
                <BoardRow key={board.id} board={board} onRenamed={replace} onDeleted={remove} onDuplicated={add} />
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  )
}
