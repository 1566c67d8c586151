import type { TLUiOverrides } from 'tldraw'
import { SHOT_TOOL_ID } from './ShotTool'
import { ShotToolIcon } from './ShotToolIcon'

/** Adds the shot tool to tldraw's tools: toolbar item `tools.shot`, key S (unused by tldraw). */
export const storyboardUiOverrides: TLUiOverrides = {
  tools(editor, tools) {
    tools[SHOT_TOOL_ID] = {
      id: SHOT_TOOL_ID,
      label: 'Shot',
      icon: <ShotToolIcon />,
      kbd: 's',
      onSelect() {
        editor.setCurrentTool(SHOT_TOOL_ID)
      },
    }
    return tools
  },
  translations: {
    en: { [SHOT_TOOL_ID]: 'Shot' },
  },
}
