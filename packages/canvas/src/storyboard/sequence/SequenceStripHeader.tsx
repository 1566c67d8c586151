import { useRef } from 'react'
import type { Editor } from 'tldraw'
import { FRAME_RATES, NUMBERING_STYLES } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { FRAME_GUIDES } from '@storyloom/shared/storyboard/frameGuides'
import { formatRuntime, framesToTimecode } from '@storyloom/shared/storyboard/runtime'
import { updateBoardSettings } from '../scenes/sceneCommands'
import type { BoardSequenceModel } from './boardSequenceModel'
import { LightTableToggle } from '../lightTable/LightTableToggle'
import { useStripBarLayout } from './stripBarLayout'
import { StripSettings } from './StripSettings'

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
 * scene, the board's numbering style, frame rate and frame guides, this person's light table,
 * and collapse / expand. Below a desktop's width the settings and the light table are behind one
 * button (stripBarLayout.ts).
 */
export function SequenceStripHeader({ editor, model, editable, collapsed, onToggleCollapsed, onAddScene }: SequenceStripHeaderProps) {
  const { sequence, timing, settings } = model
  const shotCount = sequence.entries.length
  const readonly = !editable
  const bar = useRef<HTMLElement>(null)
  const layout = useStripBarLayout(bar)
  return (
    <header ref={bar} className="sequence-strip__header" data-layout={layout}>
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
      <StripSettings layout={layout}>
        <SettingSelect
          label="Numbering"
          value={settings.numbering}
          options={NUMBERING_STYLES}
          disabled={readonly}
          onChange={(numbering) => updateBoardSettings(editor, { numbering })}
        />
        <SettingSelect label="Frame rate" value={settings.fps} options={FRAME_RATES} disabled={readonly} onChange={(fps) => updateBoardSettings(editor, { fps })} />
        <SettingSelect
          label="Frame guides"
          title="Composition guides drawn over every shot's frame on the canvas (never printed or exported)"
          value={settings.frameGuides}
          options={FRAME_GUIDES}
          disabled={readonly}
          onChange={(frameGuides) => updateBoardSettings(editor, { frameGuides })}
        />
        <LightTableToggle />
      </StripSettings>
    </header>
  )
}

/** Props of {@link SettingSelect}. */
interface SettingSelectProps<Id extends string | number> {
  readonly label: string
  readonly title?: string
  readonly value: Id
  readonly options: readonly { readonly id: Id; readonly label: string }[]
  readonly disabled: boolean
  readonly onChange: (id: Id) => void
}

/** One board setting in the bar: its label and a select of its choices (only those ever reach `onChange`). */
function SettingSelect<Id extends string | number>({ label, title, value, options, disabled, onChange }: SettingSelectProps<Id>) {
  return (
    <label className="sequence-strip__setting" title={title}>
      <span>{label}</span>
      <select
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const chosen = options.find((option) => String(option.id) === e.currentTarget.value)
          if (chosen) onChange(chosen.id)
        }}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}
