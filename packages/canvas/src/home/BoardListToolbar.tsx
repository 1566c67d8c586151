import type { Ref } from 'react'
import { BOARD_SORTS, boardSortOf, type BoardSort } from './boardListView'

type BoardListToolbarProps = {
  query: string
  onQueryChange(query: string): void
  sort: BoardSort
  onSortChange(sort: BoardSort): void
  searchRef: Ref<HTMLInputElement>
}

/** Above the board list: a search over the names (Escape clears it) and the order, both labelled. */
export function BoardListToolbar({ query, onQueryChange, sort, onSortChange, searchRef }: BoardListToolbarProps) {
  return (
    <div className="board-list-toolbar">
      <label className="visually-hidden" htmlFor="board-search">
        Search boards
      </label>
      <input
        id="board-search"
        ref={searchRef}
        className="input board-list-toolbar__search"
        type="search"
        placeholder="Search boards"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => onQueryChange(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Handled here rather than left to the browser: not every one clears a search field on Escape.
          if (e.key === 'Escape' && query !== '') {
            e.preventDefault()
            onQueryChange('')
          }
        }}
      />
      <label className="board-list-toolbar__sort">
        <span>Sort by</span>
        <select className="input" value={sort} onChange={(e) => onSortChange(boardSortOf(e.currentTarget.value))}>
          {BOARD_SORTS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
