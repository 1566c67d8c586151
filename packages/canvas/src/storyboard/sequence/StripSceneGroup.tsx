import { memo } from 'react'
import { formatRuntime } from '@storyloom/shared/storyboard/runtime'
import type { SceneRecord } from '@storyloom/shared/storyboard/sceneRecord'
import { sceneTitleParts } from '../scenes/sceneTitle'
import { ADD_BUTTON_WIDTH, type StripGroupLayout } from './stripLayout'
import { isolatedName } from '@storyloom/shared/api/typedName'

/** What the strip hands a scene group. */
export interface StripSceneGroupProps {
  readonly group: StripGroupLayout
  /** The scene, or null for the shots in no scene. */
  readonly scene: SceneRecord | null
  /** The scene's number; for the shots in no scene, 0 on a board with scenes (see numbering.ts), else null. */
  readonly sceneNumber: number | null
  readonly shotCount: number
  readonly seconds: number
  readonly color: string
  /** False for viewers: no add buttons. */
  readonly editable: boolean
  readonly onOpenScene: (sceneId: string, anchorLeft: number) => void
  readonly onAddShot: (sceneId: string | null) => void
}

/**
 * A scene's band in the strip: its heading (number, name then slugline, shot count, runtime),
 * kept in view while its shots scroll by, and at its end a button to add a shot to it — or,
 * for a scene without shots, a drop zone saying so.
 */
export const StripSceneGroup = memo(function StripSceneGroup(props: StripSceneGroupProps) {
  const { group, scene, sceneNumber, shotCount, seconds } = props
  const { name, slugline } = scene ? sceneTitleParts(scene) : { name: '', slugline: '' }
  const typed = [name, slugline].filter(Boolean)
  const sceneLabel = scene ? `Scene ${sceneNumber}` : 'Unassigned'
  return (
    <div
      className="strip-group"
      data-testid="strip-scene"
      data-scene-id={scene?.id ?? ''}
      style={{ left: group.x, width: group.width, ['--scene-color' as string]: props.color }}
    >
      <div className="strip-group__heading">
        {scene ? (
          <button
            type="button"
            className="strip-group__title"
            aria-label={`${sceneLabel}: ${typed.length ? typed.map(isolatedName).join(', ') : 'Untitled scene'}. Edit scene`}
            // The whole heading, for when the band is too narrow and it ends in an ellipsis.
            title={typed.length ? `${sceneLabel}: ${typed.map(isolatedName).join(' — ')}. Edit scene` : 'Edit scene'}
            onClick={(e) => props.onOpenScene(scene.id, e.currentTarget.getBoundingClientRect().left)}
          >
            {/* Spaces between the parts (a flex layout draws none) keep their words apart in the label axe and speech input read. */}
            <span className="strip-group__number">{sceneNumber}</span>{' '}
            <span className="strip-group__text">
              {name ? (
                <span className="strip-group__name">
                  <bdi>{name}</bdi>
                </span>
              ) : (
                !slugline && (
                  <span className="strip-group__name" data-empty="">
                    Untitled scene
                  </span>
                )
              )}{' '}
              {slugline && (
                <span className="strip-group__slugline">
                  <bdi>{slugline}</bdi>
                </span>
              )}
            </span>
            <span className="strip-group__meta card-aside" data-text={`${shotCount} · ${formatRuntime(seconds)}`} />
          </button>
        ) : (
          <span
            className="strip-group__title strip-group__title--static"
            title={sceneNumber === null ? undefined : `Shots in no scene are numbered under ${sceneNumber}`}
          >
            {sceneNumber !== null && <span className="strip-group__number strip-group__number--none">{sceneNumber}</span>}
            <span className="strip-group__name">No scene</span>
            <span className="strip-group__meta card-aside" data-text={`${shotCount} · ${formatRuntime(seconds)}`} />
          </span>
        )}
      </div>
      {!props.editable ? null : shotCount === 0 ? (
        <button
          type="button"
          className="strip-group__empty"
          style={{ left: group.tailX - group.x, width: group.tailWidth }}
          onClick={() => props.onAddShot(scene?.id ?? null)}
        >
          No shots yet. Drop shots here, or <strong>+ Add shot</strong>
        </button>
      ) : (
        <button
          type="button"
          className="strip-group__add"
          style={{ left: group.tailX - group.x, width: ADD_BUTTON_WIDTH }}
          aria-label={`Add shot at the end of ${scene ? sceneLabel : 'the unassigned shots'}`}
          title="Add shot at the end of this scene"
          onClick={() => props.onAddShot(scene?.id ?? null)}
        >
          +
        </button>
      )}
    </div>
  )
})
