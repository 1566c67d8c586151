import { useState } from 'react'

/** The props {@link useWholeOnTap} gives the element of a text that may be cut. */
export type WholeOnTapProps = { 'data-whole': true | undefined; onClick(): void }

/**
 * A text cut with an ellipsis where it has no room (Present's header title, the shot's title on
 * the stage) has its whole text in a tooltip, but a phone or a tablet has no hover: a tap on it
 * shows it whole, over as many lines as it takes, until the next tap. Spread the props on its
 * element; `[data-whole]` styles it whole (stage.css).
 */
export function useWholeOnTap(): WholeOnTapProps {
  const [whole, setWhole] = useState(false)
  return { 'data-whole': whole || undefined, onClick: () => setWhole((was) => !was) }
}
