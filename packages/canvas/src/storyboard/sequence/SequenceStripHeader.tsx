import type { Editor } from 'tldraw'
import { FRAME_RATES, NUMBERING_STYLES, type FrameRate, type NumberingStyle } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { formatRuntime, framesToTimecode } from '@storyloom/shared/storyboard/runtime'
import { updateBoardSettings } from '../scenes/sceneCommands'
import type { BoardSequenceModel } from './boardSequenceModel'

/** Props of {@link SequenceStripHeader}. */
export interface SequenceStripHeaderProps {
  readonly editor: Editor
  readonly model: BoardSequenceModel
  /** False for viewers: settings are shown but cannot be changed. */
  readonly editable: boolean
  readonly collapsed: boolean
  readonly onToggleCollapsed: () => void
  readonly onAddScene: () => void
}

/**
 * The strip's title bar: shot count and total runtime (with its timecode), a button for a new
 * scene, the board's numbering style and frame rate, and collapse / expand.
 */
export function SequenceStripHeader({ editor, model, editable, collapsed, onToggleCollapsed, onAddScene }: SequenceStripHeaderProps) {
  const { sequence, timing, settings } = model
  const shotCount = sequence.entries.length
  const readonly = !editable
  return (
    <header className="sequence-strip__header">
      <button
        type="button"
        className="sequence-strip__toggle"
        aria-expanded={!collapsed}
        aria-label={collapsed ? 'Show sequence strip' : 'Hide sequence strip'}
        title={collapsed ? 'Show sequence strip' : 'Hide sequence strip'}
        onClick={onToggleCollapsed}
      >
        <span aria-hidden>{collapsed ? '▸' : '▾'}</span>
        <span className="sequence-strip__title">Sequence</span>
      </button>
      <span className="sequence-strip__stat" data-testid="sequence-shot-count">
        {sequence.scenes.length} {sequence.scenes.length === 1 ? 'scene' : 'scenes'} · {shotCount}{' '}
        {shotCount === 1 ? 'shot' : 'shots'}
      </span>
      <span
        className="sequence-strip__stat sequence-strip__runtime"
        data-testid="sequence-runtime"
        title={`Total runtime ${framesToTimecode(timing.total.frames, timing.fps)} at ${timing.fps} fps`}
      >
        {formatRuntime(timing.total.seconds)}
        <span className="sequence-strip__timecode">{framesToTimecode(timing.total.frames, timing.fps)}</span>
      </span>
      <span className="sequence-strip__spacer" />
      {!readonly && (
        <button type="button" className="sequence-strip__button" onClick={onAddScene}>
          + Scene
        </button>
      )}
      <label className="sequence-strip__setting">
        <span>Numbering</span>
        <select
          value={settings.numbering}
          disabled={readonly}
          onChange={(e) => updateBoardSettings(editor, { numbering: e.currentTarget.value as NumberingStyle })}
        >
          {NUMBERING_STYLES.map((style) => (
            <option key={style.id} value={style.id}>
              {style.label}
            </option>
          ))}
        </select>
      </label>
      <label className="sequence-strip__setting">
        <span>Frame rate</span>
        <select
          value={settings.fps}
          disabled={readonly}
          onChange={(e) => updateBoardSettings(editor, { fps: Number(e.currentTarget.value) as FrameRate })}
        >
          {FRAME_RATES.map((rate) => (
            <option key={rate.id} value={rate.id}>
              {rate.label}
            </option>
          ))}
        </select>
      </label>
    </header>
  )
}
