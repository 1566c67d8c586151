import { DefaultToolbar, DefaultToolbarContent, TldrawUiMenuItem, useIsToolSelected, useTools } from 'tldraw'
import { SHOT_TOOL_ID } from './ShotTool'

/**
 * tldraw's toolbar with the shot tool in front. It gets a slot of its own (one more item and
 * 40px more than tldraw's defaults of 8 and 470px), so every tool tldraw shows stays visible.
 */
export function StoryboardToolbar() {
  const tools = useTools()
  const shotTool = tools[SHOT_TOOL_ID]
  const isShotSelected = useIsToolSelected(shotTool)
  return (
    <DefaultToolbar maxItems={9} maxSizePx={510}>
      {shotTool && <TldrawUiMenuItem {...shotTool} isSelected={isShotSelected} />}
      <DefaultToolbarContent />
    </DefaultToolbar>
  )
}
