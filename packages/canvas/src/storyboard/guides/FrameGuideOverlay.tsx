import { useEditor, useValue } from 'tldraw'
import { BOARD_SETTINGS_ID } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { frameGuideGeometry, type FrameGuideGeometry, type FrameGuides } from '@storyloom/shared/storyboard/frameGuides'
import '../../styles/frame-guides.css'

/** The path of every guide of one role, in the frame's coordinates. */
function pathOf(geometry: FrameGuideGeometry, role: string): string {
  const lines = geometry.lines.filter((l) => l.role === role).map((l) => `M${l.x1} ${l.y1}L${l.x2} ${l.y2}`)
  const rects = geometry.rects.filter((r) => r.role === role).map((r) => `M${r.x} ${r.y}h${r.width}v${r.height}h${-r.width}Z`)
  return [...lines, ...rects].join('')
}

const ROLES = ['third', 'action-safe', 'title-safe', 'centre'] as const

/**
 * The board's frame guides (thirds, safe areas, centre cross) over one shot's frame, in the
 * frame's own proportions. Each guide is a light line on a dark halo, so it reads over a dark
 * picture, a light one and the empty paper alike. Never takes a pointer: the frame under it
 * is clicked, dropped on and drawn in as before.
 */
export function FrameGuideOverlay({ width, height }: { width: number; height: number }) {
  const editor = useEditor()
  const guides = useValue('frame guides', () => editor.store.get(BOARD_SETTINGS_ID)?.frameGuides ?? 'none', [editor])
  if (guides === 'none') return null
  return <FrameGuideSvg width={width} height={height} guides={guides} />
}

function FrameGuideSvg({ width, height, guides }: { width: number; height: number; guides: Exclude<FrameGuides, 'none'> }) {
  const geometry = frameGuideGeometry(width, height, guides)
  const paths = ROLES.map((role) => ({ role, d: pathOf(geometry, role) })).filter((p) => p.d)
  return (
    <svg
      className="frame-guides"
      data-testid="frame-guides"
      data-guides={guides}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      aria-hidden
    >
      {paths.map(({ role, d }) => (
        <path key={`${role}-halo`} className={`frame-guides__halo frame-guides__${role}`} d={d} />
      ))}
      {paths.map(({ role, d }) => (
        <path key={role} className={`frame-guides__line frame-guides__${role}`} data-role={role} d={d} />
      ))}
    </svg>
  )
}
