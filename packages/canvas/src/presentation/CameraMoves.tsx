import { cameraMoveText, type CameraMove } from './shotCameraMoves'

/** "Camera: Pan left, slow · Dolly in, fast", on the stage and the grid's cards. */
export function CameraMoves({ moves, className }: { moves: readonly CameraMove[]; className: string }) {
  const text = moves.map(cameraMoveText).join(' · ')
  return (
    <p className={className} title={text}>
      <span className="presentation-camera__key">Camera</span> {text}
    </p>
  )
}
