import { describe, expect, it } from 'vitest'
import { MIN_TITLE_WIDTH, shotHeaderLayout, type ShotHeaderContent } from './shotHeaderLayout'

const everyBadge: ShotHeaderContent = {
  number: '12',
  duration: '3.5s',
  title: 'The detective climbs the lighthouse stairs in the storm',
  assignee: true,
  sound: true,
  review: { openThreads: 3, drawnComments: 2, verdict: 'changes-requested' },
}

describe('shot header layout', () => {
  it('shows every badge in full when the title has room', () => {
    const layout = shotHeaderLayout(480, everyBadge)
    expect(layout).toMatchObject({ review: 'full', sound: true, assignee: true })
    expect(layout.titleWidth).toBeGreaterThanOrEqual(MIN_TITLE_WIDTH)
  })

  it('keeps a readable title at the default width with a long title and every badge, the badges compact', () => {
    const layout = shotHeaderLayout(320, everyBadge)
    expect(layout.titleWidth).toBeGreaterThanOrEqual(MIN_TITLE_WIDTH)
    expect(layout.review).toBe('compact')
    expect(layout.assignee).toBe(true)
  })

  it('folds the review into one mark, then drops the badges, as the shot narrows', () => {
    const narrow = shotHeaderLayout(260, everyBadge)
    expect(narrow.review).toBe('minimal')
    expect(narrow.sound).toBe(false)
    expect(narrow.titleWidth).toBeGreaterThanOrEqual(MIN_TITLE_WIDTH)
    const tiny = shotHeaderLayout(180, everyBadge)
    expect(tiny).toMatchObject({ review: 'none', sound: false, assignee: false })
  })

  it('never folds badges for a short title that fits beside them', () => {
    expect(shotHeaderLayout(320, { ...everyBadge, title: 'Fog' }).review).toBe('full')
  })

  it('has nothing to fold on a shot without badges', () => {
    const layout = shotHeaderLayout(320, { ...everyBadge, assignee: false, sound: false, review: null })
    expect(layout).toMatchObject({ review: 'none', sound: false, assignee: false })
    expect(layout.titleWidth).toBeGreaterThan(200)
  })
})
