import type { Editor, TLUiActionItem } from 'tldraw'
import { deleteSelectionKeepingPlace } from './deletionKeepsPlace'
import { newShotAfterSelection, stepShot } from './sequenceCommands'
import { editNewShotTitle } from '../newShotTitle'
import { focusSequenceStrip } from './stripFocus'

/**
 * The sequence's keyboard actions, registered through tldraw's UI overrides so they appear in
 * its keyboard shortcuts dialog and follow its rules (off while typing or while a menu is open).
 * Keys picked not to clash with tldraw 5.4.2's own: S is the shot tool, so Shift+S makes a new
 * shot; tldraw binds nothing to Page Up / Page Down. Shift+3 goes to the sequence strip, as it
 * goes to the timeline in Premiere Pro; tldraw's Shift+0, 1 and 2 are zooms, Shift+3 is free.
 */
export const SEQUENCE_ACTION_IDS = {
  newShotAfter: 'storyboard.new-shot-after',
  previousShot: 'storyboard.previous-shot',
  nextShot: 'storyboard.next-shot',
  goToStrip: 'storyboard.go-to-strip',
} as const

/** The "go to sequence strip" key as `aria-keyshortcuts` spells it (tldraw's `kbd` is 'shift+3'). */
export const GO_TO_STRIP_ARIA_KEYS = 'Shift+3'

/** Labels of the actions and of the shortcuts dialog's Storyboard group, as tldraw translations. */
export const SEQUENCE_TRANSLATIONS: Record<string, string> = {
  'storyboard.shortcuts': 'Storyboard',
  'storyboard.shot-tool': 'Place a shot',
  'storyboard.edit-title': 'Edit shot title',
  [SEQUENCE_ACTION_IDS.newShotAfter]: 'New shot after selected',
  [SEQUENCE_ACTION_IDS.previousShot]: 'Previous shot in sequence',
  [SEQUENCE_ACTION_IDS.nextShot]: 'Next shot in sequence',
  [SEQUENCE_ACTION_IDS.goToStrip]: 'Go to sequence strip',
  'storyboard.back-to-canvas': 'Back to canvas from the strip',
  'storyboard.move-in-strip': 'Move shot earlier / later, in the strip',
  'storyboard.next-pane': 'Next panel: canvas, shot inspector, strip',
  'storyboard.previous-pane': 'Previous panel',
}

/** The action items, keyed by id, for `overrides.actions`. */
export function sequenceActions(editor: Editor): Record<string, TLUiActionItem> {
  const { newShotAfter, previousShot, nextShot, goToStrip } = SEQUENCE_ACTION_IDS
  return {
    [newShotAfter]: {
      id: newShotAfter,
      label: newShotAfter,
      kbd: 'shift+s',
      // The new shot's title takes the keyboard (from wherever it was: a closed popover's
      // button), so what is typed next names the shot.
      onSelect: () => editNewShotTitle(editor, newShotAfterSelection(editor)),
    },
    [previousShot]: {
      id: previousShot,
      label: previousShot,
      kbd: 'pageup',
      readonlyOk: true,
      onSelect: () => void stepShot(editor, -1),
    },
    [nextShot]: {
      id: nextShot,
      label: nextShot,
      kbd: 'pagedown',
      readonlyOk: true,
      onSelect: () => void stepShot(editor, 1),
    },
    [goToStrip]: {
      id: goToStrip,
      label: goToStrip,
      kbd: 'shift+3',
      readonlyOk: true,
      onSelect: () => void focusSequenceStrip(editor),
    },
  }
}

/**
 * tldraw's delete action, keeping the user's place among the shots when it runs from the canvas
 * (its key or menus): see `deleteSelectionKeepingPlace`. From a strip card the strip keeps the
 * place itself (the keyboard moves to the next card, the selection is left alone).
 */
export function deleteKeepingPlace(editor: Editor, remove: TLUiActionItem): TLUiActionItem {
  return {
    ...remove,
    onSelect: (source) => {
      const active = editor.getContainer().ownerDocument.activeElement
      if (active?.closest('[data-testid="sequence-strip"]')) return remove.onSelect(source)
      deleteSelectionKeepingPlace(editor, () => void remove.onSelect(source))
    },
  }
}
