import { useCallback, useState } from 'react'
import { boardSortOf, type BoardSort } from './boardListView'

const KEY = 'storyloom:home:board-sort'

/** How this person orders their boards: a preference of theirs, kept on this device. */
export function useBoardSort(): [BoardSort, (sort: BoardSort) => void] {
  const [sort, setState] = useState(readPreference)
  const set = useCallback((value: BoardSort) => {
    setState(value)
    try {
      localStorage.setItem(KEY, value)
    } catch {
      // Storage can be full or disabled; the list is still sorted for this visit.
    }
  }, [])
  return [sort, set]
}

function readPreference(): BoardSort {
  try {
    return boardSortOf(localStorage.getItem(KEY))
  } catch {
    return boardSortOf(null)
  }
}
