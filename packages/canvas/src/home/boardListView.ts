import type { Board } from '../api/boardsApi'

/** How the home page orders the boards; the first is the default. */
export const BOARD_SORTS = [
  { id: 'updated', label: 'Last edited' },
  { id: 'name', label: 'Name' },
  { id: 'created', label: 'Created' },
] as const
export type BoardSort = (typeof BOARD_SORTS)[number]['id']

/** A stored sort id as a known one: anything else (an older or hand-edited value) is the default. */
export function boardSortOf(value: string | null): BoardSort {
  return BOARD_SORTS.find((sort) => sort.id === value)?.id ?? BOARD_SORTS[0].id
}

/** Text as compared by search: lower case, accents dropped ("École" → "ecole"). */
export function searchFolded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

// Numeric, so "Spot 2" comes before "Spot 10"; base sensitivity: case and accents aside.
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
// The id breaks every tie, so boards with equal keys keep one order across live refreshes.
const byId = (a: Board, b: Board) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const newestFirst = (a: string, b: string) => b.localeCompare(a)

const COMPARE: Record<BoardSort, (a: Board, b: Board) => number> = {
  updated: (a, b) => newestFirst(a.updatedAt, b.updatedAt) || newestFirst(a.createdAt, b.createdAt) || byId(a, b),
  name: (a, b) => byName.compare(a.name, b.name) || byId(a, b),
  created: (a, b) => newestFirst(a.createdAt, b.createdAt) || byId(a, b),
}

/**
 * The boards the home page shows: those whose name contains `query` (see {@link searchFolded};
 * an empty query keeps all), in `sort` order. Applied to every list the server sends, so the
 * search and order hold through live updates.
 */
export function visibleBoards(boards: readonly Board[], query: string, sort: BoardSort): Board[] {
  const needle = searchFolded(query.trim())
  const matching = needle === '' ? [...boards] : boards.filter((board) => searchFolded(board.name).includes(needle))
  return matching.sort(COMPARE[sort])
}
