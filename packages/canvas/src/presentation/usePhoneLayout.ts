import { useMediaQuery } from './useMediaQuery'

/** The width under which the presentation lays out for a phone (presentation.css's `@media` says the same). */
const PHONE_LAYOUT_QUERY = '(max-width: 720px)'

/**
 * Whether the presentation has its phone layout (the review panel under the picture), for what
 * CSS cannot reorder without the reading and Tab order disagreeing with what is seen.
 */
export function usePhoneLayout(): boolean {
  return useMediaQuery(PHONE_LAYOUT_QUERY)
}
