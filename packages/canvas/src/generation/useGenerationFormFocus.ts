import { useLayoutEffect, type RefObject } from 'react'

/**
 * The events Radix's focus scope sends its dialog's content when it opens and closes, before
 * moving focus (its `onOpenAutoFocus` / `onCloseAutoFocus`; tldraw's dialogs do not pass those
 * props through). On close Radix's dialog focuses its trigger, and tldraw's dialogs have none:
 * left alone, the keyboard ends on the page's body.
 */
const AUTOFOCUS_ON_MOUNT = 'focusScope.autoFocusOnMount'
const AUTOFOCUS_ON_UNMOUNT = 'focusScope.autoFocusOnUnmount'

/**
 * When the dialog holding `form` opens, the keyboard goes to its first prompt, caret after the
 * prefilled text, instead of the header's Close button; when it closes, back to what had it
 * before (the canvas for Shift+G, the button for "Iterate from here"), else to the canvas.
 */
export function useGenerationFormFocus(form: RefObject<HTMLFormElement | null>): void {
  useLayoutEffect(() => {
    const content = form.current?.closest('.tlui-dialog__content')
    if (!content) return
    // Read now: the focus scope moves focus only after layout effects.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const onOpen = (event: Event) => {
      const prompt = form.current?.querySelector<HTMLTextAreaElement>('textarea.generation-form__prompt')
      if (!prompt) return
      event.preventDefault()
      prompt.focus()
      prompt.setSelectionRange(prompt.value.length, prompt.value.length)
    }
    const onClose = (event: Event) => {
      const back = opener?.isConnected && opener !== document.body ? opener : content.closest<HTMLElement>('.tl-container')
      if (!back) return
      event.preventDefault()
      back.focus({ preventScroll: true })
    }
    content.addEventListener(AUTOFOCUS_ON_MOUNT, onOpen)
    // Left in place on unmount: the scope sends it after this component is gone.
    content.addEventListener(AUTOFOCUS_ON_UNMOUNT, onClose, { once: true })
    return () => content.removeEventListener(AUTOFOCUS_ON_MOUNT, onOpen)
  }, [form])
}
