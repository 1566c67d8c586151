import { describe, expect, it } from 'vitest'
import type { Board } from '../api/boardsApi'
import { BOARD_SORTS, boardSortOf, visibleBoards } from './boardListView'

let n = 0
const board = (name: string, createdAt: string, updatedAt: string): Board => ({
  id: `board${String(++n).padStart(11, '0')}`,
  name,
  createdAt: `2026-01-${createdAt}T00:00:00.000Z`,
  updatedAt: `2026-01-${updatedAt}T00:00:00.000Z`,
  role: 'owner',
  coverUrl: null,
})

const cafe = board('Café Noir', '01', '05')
const ecole = board('école', '03', '02')
const zulu = board('Zulu spot', '02', '09')
const alpha = board('alpha teaser', '04', '01')
const all = [cafe, ecole, zulu, alpha]
const names = (boards: Board[]) => boards.map((b) => b.name)

describe('the home page list', () => {
  it('sorts by last edit (newest first) by default, by name (alphabetical, case and accents aside) or by creation (newest first)', () => {
    expect(names(visibleBoards(all, '', 'updated'))).toEqual(['Zulu spot', 'Café Noir', 'école', 'alpha teaser'])
    expect(names(visibleBoards(all, '', 'name'))).toEqual(['alpha teaser', 'Café Noir', 'école', 'Zulu spot'])
    expect(names(visibleBoards(all, '', 'created'))).toEqual(['alpha teaser', 'école', 'Zulu spot', 'Café Noir'])
  })

  it('keeps boards with equal keys in one order whatever order they arrive in', () => {
    const twinA = board('Twin', '05', '05')
    const twinB = { ...board('twin', '05', '05') }
    for (const sort of BOARD_SORTS) {
      expect(visibleBoards([twinA, twinB], '', sort.id)).toEqual(visibleBoards([twinB, twinA], '', sort.id))
    }
  })

  it('filters by name as typed, case and accents ignored, surrounding spaces dropped', () => {
    expect(names(visibleBoards(all, 'CAFE', 'name'))).toEqual(['Café Noir'])
    expect(names(visibleBoards(all, ' ecol ', 'name'))).toEqual(['école'])
    expect(names(visibleBoards(all, 'É', 'name'))).toEqual(['alpha teaser', 'Café Noir', 'école'])
    expect(names(visibleBoards(all, 'noir z', 'name'))).toEqual([])
    expect(visibleBoards(all, '   ', 'updated')).toHaveLength(4)
  })

  it('reads a remembered sort that is no longer known as the default', () => {
    expect(boardSortOf('name')).toBe('name')
    expect(boardSortOf('size')).toBe('updated')
    expect(boardSortOf(null)).toBe('updated')
  })
})
