import { describe, expect, it } from 'vitest'
import { TITLE_SAFE } from '@storyloom/shared/storyboard/frameGuides'
import { cmx3600Edl } from './editExport/cmx3600Edl'
import { editTimeline } from './editExport/editTimeline'
import { shotsOf } from './editExport/testShots'
import { captionLabelBottom } from './drawShotFrame'
import { timecodeLabel, timecodePlate, timecodeSize } from './timecodeBurnIn'

describe('timecodeLabel', () => {
  it('reads the shot’s number, then the record timecode of the frame, from 01:00:00:00', () => {
    expect(timecodeLabel('1.2', 0, 24)).toBe('1.2  01:00:00:00')
    expect(timecodeLabel('1.2', 24, 24)).toBe('1.2  01:00:01:00')
    expect(timecodeLabel('3B', 25 * 3 + 12, 25)).toBe('3B  01:00:03:12')
    expect(timecodeLabel('1', 30 * 90 + 7, 30)).toBe('1  01:01:30:07')
  })

  it('shows on the first frame of each shot the record in the EDL gives its event', () => {
    const timeline = editTimeline('Cut', shotsOf([1.5, 0.75, 2]), 25, { width: 1920, height: 1080 })
    const edl = cmx3600Edl(timeline)
    for (const clip of timeline.clips) {
      const [, timecode] = timecodeLabel('1.1', clip.startFrame, 25).split('  ')
      // Record in: the third of the four timecodes on its event line.
      expect(edl).toMatch(new RegExp(` \\d\\d:\\d\\d:\\d\\d:\\d\\d \\d\\d:\\d\\d:\\d\\d:\\d\\d ${timecode} `))
    }
  })
})

describe('timecodePlate', () => {
  const hd = { width: 1280, height: 720 }

  it('sits in the top right corner of the title-safe area', () => {
    const plate = timecodePlate(hd, 200)
    const margin = (1 - TITLE_SAFE) / 2
    expect(plate.x + plate.width).toBeCloseTo(1280 * (1 - margin))
    expect(plate.y).toBeCloseTo(720 * margin)
    expect(plate.x).toBeGreaterThan(1280 / 2)
    // The text ends a padding inside the plate's right edge, centred on it from top to bottom.
    expect(plate.textRight).toBeLessThan(plate.x + plate.width)
    expect(plate.textRight - plate.maxTextWidth).toBeGreaterThanOrEqual(plate.x)
    expect(plate.textMiddle).toBeCloseTo(plate.y + plate.height / 2)
  })

  it('stays clear of the captions: below the number and title at the top, far above the dialogue', () => {
    for (const size of [hd, { width: 720, height: 1280 }, { width: 1280, height: 536 }, { width: 1920, height: 1080 }]) {
      const plate = timecodePlate(size, 200)
      expect(plate.y, `${size.width}×${size.height}`).toBeGreaterThan(captionLabelBottom(size.height))
      expect(plate.y + plate.height).toBeLessThan(size.height / 3)
    }
  })

  it('is as tall as the captions’ text, scaled to the video’s height', () => {
    expect(timecodeSize(720)).toBe(26)
    expect(timecodeSize(1080)).toBe(39)
    expect(timecodePlate({ width: 1920, height: 1080 }, 300).height).toBeCloseTo(timecodePlate(hd, 200).height * 1.5, 0)
  })

  it('fits text too wide for the title-safe area into it, squeezed', () => {
    const plate = timecodePlate({ width: 720, height: 1280 }, 5000)
    const margin = (1 - TITLE_SAFE) / 2
    expect(plate.x).toBeCloseTo(720 * margin)
    expect(plate.width).toBeCloseTo(720 * TITLE_SAFE)
    expect(plate.textRight - plate.maxTextWidth).toBeGreaterThanOrEqual(plate.x)
  })
})
