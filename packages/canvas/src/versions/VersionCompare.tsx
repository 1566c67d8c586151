import { createPortal } from 'react-dom'
import { useBoardDialogKeyboard } from '../app/useBoardDialogKeyboard'
import { useRef, useState, type CSSProperties } from 'react'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { needsVideoElement, shownAsset, unreadableFile } from './versionMedia'
import { UnreadableTake } from './UnreadableTake'
import { VersionParamsTable } from './VersionParamsTable'

type CompareMode = 'side' | 'swipe' | 'overlay'

const MODES: { id: CompareMode; label: string }[] = [
  { id: 'side', label: 'Side by side' },
  { id: 'swipe', label: 'Swipe' },
  { id: 'overlay', label: 'Overlay' },
]

function Media({ version, className, style }: { version: ShotVersion; className: string; style?: CSSProperties }) {
  const media = shownAsset(version)
  const unreadable = unreadableFile(version)
  if (unreadable) return <UnreadableTake why={unreadable} className={className} style={style} />
  return needsVideoElement(media) ? (
    <video className={className} style={style} src={media.src} muted loop autoPlay playsInline />
  ) : (
    <img className={className} style={style} src={media.src} alt="" draggable={false} />
  )
}

/** "A: Client pick · Ada": a take's letter, label (or seed) and author, typed names set apart with <bdi>. */
function Caption({ version, letter }: { version: ShotVersion; letter: string }) {
  return (
    <>
      {`${letter}: `}
      {version.label ? <bdi>{version.label}</bdi> : version.params ? `seed ${version.params.seed}` : 'uploaded'}
      {' · '}
      <bdi>{version.authorName}</bdi>
    </>
  )
}

/**
 * Two takes compared: side by side, or stacked with a swipe divider or an opacity slider, with
 * the difference of their parameters listed. It holds the keyboard while open; Escape closes it.
 */
export function VersionCompare({ a, b, onClose }: { a: ShotVersion; b: ShotVersion; onClose(): void }) {
  const [mode, setMode] = useState<CompareMode>('side')
  const [amount, setAmount] = useState(50)
  const dialog = useRef<HTMLDivElement>(null)
  useBoardDialogKeyboard(dialog, onClose)

  // On the page itself, not inside tldraw's layers: a dialog above the whole board UI.
  return createPortal(
    <div ref={dialog} className="board-dialog version-compare" role="dialog" aria-modal="true" aria-label="Compare versions" data-testid="version-compare">
      <header className="version-compare__header">
        <div className="version-compare__modes" role="tablist">
          {MODES.map((m) => (
            <button key={m.id} type="button" role="tab" aria-selected={mode === m.id} onClick={() => setMode(m.id)}>
              {m.label}
            </button>
          ))}
        </div>
        <button type="button" className="version-compare__close" onClick={onClose} aria-label="Close comparison">
          ✕
        </button>
      </header>
      <div className="version-compare__body">
        {mode === 'side' ? (
          <div className="version-compare__side">
            <figure>
              <Media version={a} className="version-compare__media" />
              <figcaption>
                <Caption version={a} letter="A" />
              </figcaption>
            </figure>
            <figure>
              <Media version={b} className="version-compare__media" />
              <figcaption>
                <Caption version={b} letter="B" />
              </figcaption>
            </figure>
          </div>
        ) : (
          <figure className="version-compare__stack" data-mode={mode}>
            <div className="version-compare__stage">
              <Media version={a} className="version-compare__media" />
              <Media
                version={b}
                className="version-compare__media version-compare__top"
                style={mode === 'swipe' ? { clipPath: `inset(0 0 0 ${amount}%)` } : { opacity: amount / 100 }}
              />
              {mode === 'swipe' && <span className="version-compare__divider" style={{ left: `${amount}%` }} aria-hidden />}
            </div>
            <input
              type="range"
              min={0}
              max={100}
              value={amount}
              aria-label={mode === 'swipe' ? 'Swipe position' : 'Opacity of B'}
              onChange={(e) => setAmount(Number(e.currentTarget.value))}
            />
            <figcaption>
              <Caption version={a} letter="A" /> — <Caption version={b} letter="B" />
            </figcaption>
          </figure>
        )}
        <VersionParamsTable a={a} b={b} />
      </div>
    </div>,
    document.body,
  )
}
