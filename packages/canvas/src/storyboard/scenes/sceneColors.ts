import type { SceneColor } from '@storyloom/shared/storyboard/sceneRecord'

/**
 * Scene colours as tldraw's light theme draws its colours of the same names, so a scene's
 * colour in the strip matches the same colour picked for a shape on the canvas.
 */
export const SCENE_COLOR_VALUES: Readonly<Record<SceneColor, string>> = {
  grey: '#9fa8b2',
  'light-violet': '#e085f4',
  violet: '#ae3ec9',
  blue: '#4465e9',
  'light-blue': '#4ba1f1',
  yellow: '#f1ac4b',
  orange: '#e16919',
  green: '#099268',
  'light-green': '#4cb05e',
  'light-red': '#f87777',
  red: '#e03131',
}

/** Colour of shots in no scene. */
export const NO_SCENE_COLOR = '#c9ccd1'
