import { useLayoutEffect, useState, type DependencyList, type RefObject } from 'react'
import type { ScreenRect } from '../review/markup/markupGeometry'

/** A layer over the stage's frame, measured: its own size, and the box of the picture it is over (null when the stage has none). */
export type StageLayerBoxes = { width: number; height: number; picture: ScreenRect | null }

const sameRect = (a: ScreenRect | null, b: ScreenRect | null) => a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height)
const sameBoxes = (a: StageLayerBoxes, b: StageLayerBoxes) => a.width === b.width && a.height === b.height && sameRect(a.picture, b.picture)

/**
 * For a layer mounted inside PresentationStage's `.presentation-stage__frame` (`layer`): its size,
 * and the box of the incoming picture's element matching `picture` (a selector within the frame),
 * in the layer's coordinates. Measured before paint, and again as the layer resizes or the
 * incoming picture changes (a sketch drawn, an image loaded). Camera moves move the picture inside
 * its box, not the box. `deps` say when the layer may have come or gone.
 */
export function useStagePictureBox(layer: RefObject<HTMLElement | null>, picture: string, deps: DependencyList): StageLayerBoxes {
  const [boxes, setBoxes] = useState<StageLayerBoxes>({ width: 0, height: 0, picture: null })
  useLayoutEffect(() => {
    const el = layer.current
    const stageFrame = el?.parentElement
    if (!el || !stageFrame) return
    const measure = () => {
      const own = el.getBoundingClientRect()
      const box = stageFrame.querySelector(picture)?.getBoundingClientRect()
      const next = { width: own.width, height: own.height, picture: box ? { x: box.left - own.left, y: box.top - own.top, width: box.width, height: box.height } : null }
      setBoxes((last) => (sameBoxes(last, next) ? last : next))
    }
    measure()
    const resized = new ResizeObserver(measure)
    resized.observe(el)
    const changed = new MutationObserver(measure)
    changed.observe(stageFrame.querySelector('.presentation-stage__incoming') ?? stageFrame, { childList: true, subtree: true })
    return () => {
      resized.disconnect()
      changed.disconnect()
    }
    // The caller's deps say when the layer may have come or gone.
  }, [picture, ...deps])
  return boxes
}
