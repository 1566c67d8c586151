import { useValue } from 'tldraw'
import { MOTION_FAMILIES } from './motionFamilies'
import { motionToolFamily } from './motionToolFamily'

/**
 * The camera-move tool's palette, in the style panel's place while the tool is active: pick the
 * move, then press on a shot and drag the way it goes.
 */
export function MotionToolPanel() {
  const family = useValue('camera-move family', () => motionToolFamily.get(), [])
  const current = MOTION_FAMILIES.find((f) => f.id === family) ?? MOTION_FAMILIES[0]
  return (
    <section className="shot-inspector floating-surface motion-panel" aria-label="Camera move" data-testid="camera-move-palette">
      <header className="shot-inspector__header">
        <span className="shot-inspector__number">Camera move</span>
      </header>
      <div className="motion-panel__grid" role="group" aria-label="Move">
        {MOTION_FAMILIES.map((f) => (
          <button
            key={f.id}
            type="button"
            className="motion-panel__move"
            aria-pressed={f.id === family}
            onClick={() => motionToolFamily.set(f.id)}
          >
            {f.label}
          </button>
        ))}
      </div>
      <p className="motion-panel__hint">{`${current.hint} on a shot.`}</p>
    </section>
  )
}
