import { isolatedName } from '@storyloom/shared/api/typedName'

/** What a shot without a title is called wherever it is shown: the canvas, the strip, Present, Print. */
export const UNTITLED_SHOT = 'Untitled shot'

/** A shot's title as plain text (a label, a tooltip): the typed title isolated, else {@link UNTITLED_SHOT}. */
export function shotTitleText(title: string): string {
  return title ? isolatedName(title) : UNTITLED_SHOT
}
