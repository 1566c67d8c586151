import { useEffect, useMemo, useRef, useState } from 'react'
import type { BoardSoundtrack } from '@storyloom/shared/storyboard/soundtrack'
import { useMediaQuery } from '../presentation/useMediaQuery'
import { useSoundtrackPeaks } from './useSoundtrackPeaks'
import { waveformColumns } from './waveformColumns'
import type { SoundtrackPeaks } from './soundtrackPeaks'

/** CSS pixels per column of the waveform: fine enough to find a beat, coarse enough to read. */
const COLUMN_PX = 2
/** The most a quiet file is scaled up to fill the timeline: room tone must not look like speech. */
const MAX_GAIN = 4

type SoundtrackWaveformProps = {
  soundtrack: BoardSoundtrack
  /** Where the file is loaded from: the URL its `<audio>` plays (a review link's own asset route for a reviewer). */
  src: string
  /** The animatic's runtime: the timeline's length. */
  seconds: number
}

/**
 * The soundtrack's waveform across Present's timeline, behind the shot segments: the envelope
 * stands out above and below the track as the sound is loud, flat where it is silent or has ended,
 * aligned as the animatic plays the file (waveformColumns). Redrawn at once when Starts at, the
 * file or the shots' durations change. Decorative: the scrubber says where the playhead is.
 */
export function SoundtrackWaveform({ soundtrack, src, seconds }: SoundtrackWaveformProps) {
  const peaks = useSoundtrackPeaks(src, soundtrack.duration)
  const canvas = useRef<HTMLCanvasElement>(null)
  const [size, setSize] = useState<{ width: number; height: number } | null>(null)
  // The system's colours replace the page's: the canvas is drawn again in them (its CSS `color`).
  const forcedColors = useMediaQuery('(forced-colors: active)')
  useEffect(() => {
    const element = canvas.current
    if (!element) return
    const observer = new ResizeObserver(() => setSize({ width: element.clientWidth, height: element.clientHeight }))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const gain = useMemo(() => (peaks ? 1 / Math.max(peaks.values.reduce((a, b) => Math.max(a, b), 0), 1 / MAX_GAIN) : 0), [peaks])
  const { duration, startAt } = soundtrack

  useEffect(() => {
    const element = canvas.current
    if (!element || !size) return
    const ratio = window.devicePixelRatio || 1
    element.width = Math.round(size.width * ratio)
    element.height = Math.round(size.height * ratio)
    const context = element.getContext('2d')
    if (!context || !peaks) return
    context.scale(ratio, ratio)
    drawWaveform(context, element, size, { peaks, gain, timing: { duration, startAt }, seconds })
  }, [peaks, gain, duration, startAt, seconds, size, forcedColors])

  return <canvas ref={canvas} className="presentation-timeline__waveform" aria-hidden="true" />
}

/** Bars about the timeline's middle, each from the track's edge (`--timeline-track`, its height) out as far as its column is loud. */
function drawWaveform(
  context: CanvasRenderingContext2D,
  element: HTMLCanvasElement,
  { width, height }: { width: number; height: number },
  { peaks, gain, timing, seconds }: { peaks: SoundtrackPeaks; gain: number; timing: Pick<BoardSoundtrack, 'duration' | 'startAt'>; seconds: number },
) {
  const style = getComputedStyle(element)
  context.fillStyle = style.color
  const track = Number.parseFloat(style.getPropertyValue('--timeline-track')) || 0
  const columns = Math.max(1, Math.floor(width / COLUMN_PX))
  const levels = waveformColumns(peaks, timing, seconds, columns)
  const middle = height / 2
  const room = Math.max(0, middle - track / 2)
  const step = width / columns
  levels.forEach((level, column) => {
    if (level <= 0) return
    const half = track / 2 + Math.min(level * gain, 1) * room
    context.fillRect(column * step, middle - half, Math.max(step - 0.5, 0.5), 2 * half)
  })
}
