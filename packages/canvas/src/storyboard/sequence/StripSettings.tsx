import { useId, useRef, type MouseEvent, type ReactNode } from 'react'
import { stripSettingsPlacement, type StripBarLayout } from './stripBarLayout'
import '../../styles/sequence-bar-menu.css'

/** Props of {@link StripSettings}. */
export interface StripSettingsProps {
  readonly layout: StripBarLayout
  /** The settings and toggles, the same elements in either layout. */
  readonly children: ReactNode
}

/**
 * The strip bar's settings: inline in the bar, or (layout `menu`) behind a "Strip settings" button, in a popover that
 * opens above it. One tree for both layouts, so a select or toggle keeps its element (and focus) as the window is
 * resized. The browser's popover gives the menu its light dismiss, its Escape and its focus order after the button.
 */
export function StripSettings({ layout, children }: StripSettingsProps) {
  const id = useId()
  const panel = useRef<HTMLDivElement>(null)
  const menu = layout === 'menu'
  const place = (e: MouseEvent<HTMLButtonElement>) => {
    const at = stripSettingsPlacement(e.currentTarget.getBoundingClientRect(), { width: innerWidth, height: innerHeight })
    panel.current?.style.setProperty('--strip-settings-bottom', `${at.bottom}px`)
    panel.current?.style.setProperty('--strip-settings-right', `${at.right}px`)
  }
  return (
    <>
      {menu && (
        <button
          type="button"
          className="sequence-strip__button sequence-strip__settings-button"
          popoverTarget={id}
          aria-label="Strip settings"
          title="Numbering, frame rate, frame guides and light table"
          onClick={place}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
            <circle cx="8" cy="3" r="1.5" />
            <circle cx="8" cy="8" r="1.5" />
            <circle cx="8" cy="13" r="1.5" />
          </svg>
        </button>
      )}
      <div ref={panel} id={id} className="sequence-strip__settings" popover={menu ? 'auto' : undefined} role={menu ? 'group' : undefined} aria-label={menu ? 'Strip settings' : undefined}>
        {children}
      </div>
    </>
  )
}
