import type { Page } from '@playwright/test'
import type { TLAsset, TLInstancePresence, TLShape } from '@tldraw/tlschema'

/**
 * The part of tldraw's `Editor` these tests read. The canvas exposes its editor as
 * `window.editor` (see `BoardCanvas.tsx`); tests only read state through it, or set up what a
 * user would set elsewhere (their name). Drawing always goes through real pointer input.
 */
export type TestEditor = {
  getCurrentPageShapes(): TLShape[]
  getSelectedShapeIds(): TLShape['id'][]
  selectAll(): unknown
  getEditingShapeId(): TLShape['id'] | null
  /** The id of tldraw's current tool ('select', 'draw', …). */
  getCurrentToolId(): string
  getAsset(id: TLAsset['id']): TLAsset | undefined
  getVisibleCollaboratorsOnCurrentPage(): TLInstancePresence[]
  /** True while the user may not change the board (a viewer or commenter). */
  getIsReadonly(): boolean
  getZoomLevel(): number
  /** The part of the board in view, in page coordinates. */
  getViewportPageBounds(): { x: number; y: number; w: number; h: number }
  /** Whom this user follows (People menu → Follow), as a presence `userId`; null: nobody. */
  getInstanceState(): { followingUserId: string | null }
  /** tldraw's timing options: clicks at one place within `doubleClickDurationMs` count as one multi-click. */
  options: { doubleClickDurationMs: number }
  overlays: { getCurrentOverlays(): { type: string; props: unknown }[] }
  user: {
    getName(): string
    getColor(): string
    updateUserPreferences(preferences: { name?: string }): void
  }
}

declare global {
  interface Window {
    editor?: TestEditor
  }
}

/** Every shape on the current page of the page's board, as tldraw holds it. */
export function shapesOnPage(page: Page): Promise<TLShape[]> {
  return page.evaluate(() => window.editor?.getCurrentPageShapes() ?? [])
}

/** The shots on the current page of the page's board. */
export async function shotsOnPage(page: Page): Promise<TLShape[]> {
  return (await shapesOnPage(page)).filter((shape) => (shape.type as string) === 'shot')
}

/** The ids of the shapes on the current page, sorted, for comparing two pages' boards. */
export async function shapeIdsOnPage(page: Page): Promise<string[]> {
  return (await shapesOnPage(page)).map((shape) => shape.id).sort()
}

/** Sets the name this user shows to others (what they would type in the people menu). */
export async function setUserName(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => window.editor!.user.updateUserPreferences({ name: n }), name)
}
