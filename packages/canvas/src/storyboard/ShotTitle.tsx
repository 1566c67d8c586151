import { UNTITLED_SHOT } from './shotTitleText'

/** A shot's title in a page: the typed title in a `<bdi>` (it reads in its own direction), else {@link UNTITLED_SHOT}. */
export function ShotTitle({ title }: { title: string }) {
  return title ? <bdi>{title}</bdi> : UNTITLED_SHOT
}
