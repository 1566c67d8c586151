import type { FrameGuideGeometry, GuideLine, GuideRect } from '@storyloom/shared/storyboard/frameGuides'

type GuideRole = GuideLine['role'] | GuideRect['role']

/** The order guides are drawn in: the centre cross last, on top. */
const ROLES: readonly GuideRole[] = ['third', 'action-safe', 'title-safe', 'centre']

/** The guides of one role as SVG path data: each guide on its own, and all of them at once for the halo under them. */
export interface GuidePathLayer {
  readonly role: GuideRole
  readonly halo: string
  readonly lines: readonly string[]
}

/**
 * The SVG paths of a frame's guides (see frameGuideGeometry), in its coordinates, one layer a
 * role that has any. Each line is a path of its own, so each can be found and measured on screen.
 */
export function frameGuidePaths(geometry: FrameGuideGeometry): GuidePathLayer[] {
  return ROLES.flatMap((role) => {
    const lines = [
      ...geometry.lines.filter((l) => l.role === role).map((l) => `M${l.x1} ${l.y1}L${l.x2} ${l.y2}`),
      ...geometry.rects.filter((r) => r.role === role).map((r) => `M${r.x} ${r.y}h${r.width}v${r.height}h${-r.width}Z`),
    ]
    return lines.length > 0 ? [{ role, halo: lines.join(''), lines }] : []
  })
}
