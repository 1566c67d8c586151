import { atom, useValue, type Atom } from 'tldraw'
import { keepDeviceSetting, readDeviceFlag } from '../../app/deviceSetting'

/** Where the light table's on / off is kept on this device: one choice for every board. */
const KEY = 'storyloom:light-table'

let shown: Atom<boolean> | null = null

/**
 * The light table's state, read from the device once per page load and shared by every reader
 * (the strip's button, the shortcut, every frame): a signal, not per-component state. It is
 * this person's view only: never in the board, so never synced nor undone.
 */
function lightTable(): Atom<boolean> {
  return (shown ??= atom('light table', readDeviceFlag(KEY)))
}

/** Whether the light table is on (reactive inside a signal or `useValue`). */
export function isLightTableOn(): boolean {
  return lightTable().get()
}

/** Turns the light table on or off, and keeps the choice on this device (for this visit only where storage is blocked). */
export function setLightTable(on: boolean): void {
  lightTable().set(on)
  keepDeviceSetting(KEY, on ? '1' : '0')
}

/** Turns the light table over. */
export function toggleLightTable(): void {
  setLightTable(!isLightTableOn())
}

/** The light table's state in a component, and the setter. */
export function useLightTable(): [boolean, (on: boolean) => void] {
  return [useValue('light table', isLightTableOn, []), setLightTable]
}
