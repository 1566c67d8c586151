// @vitest-environment jsdom
import { expect, it } from 'vitest'
import { escStopsDrawing } from './escStopsDrawing'

function page() {
  document.body.innerHTML = `
    <div class="presentation-stage"><div class="stage-markup"></div></div>
    <form><textarea></textarea><div class="markup-tools"><button>Draw</button></div></form>
    <div role="dialog"><button>Close</button></div>`
  const $ = (selector: string) => document.querySelector(selector)!
  return { tools: $('.markup-tools'), draw: $('.markup-tools button'), stage: $('.stage-markup'), box: $('textarea'), dialog: $('[role="dialog"] button') }
}

const esc = (target: EventTarget, extra: Partial<KeyboardEvent> = {}) =>
  ({ key: 'Escape', target, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, defaultPrevented: false, ...extra }) as KeyboardEvent

it('stops Draw when the focus is on Draw, on the stage or on nothing', () => {
  const { tools, draw, stage } = page()
  expect([draw, stage, document.body].map((target) => escStopsDrawing(esc(target), tools))).toEqual([true, true, true])
})

it("leaves Esc to a text field, a dialog, another key, a modifier and a press already handled", () => {
  const { tools, draw, box, dialog } = page()
  expect([
    escStopsDrawing(esc(box), tools),
    escStopsDrawing(esc(dialog), tools),
    escStopsDrawing(esc(draw, { key: 'Enter' }), tools),
    escStopsDrawing(esc(draw, { shiftKey: true }), tools),
    escStopsDrawing(esc(draw, { defaultPrevented: true }), tools),
  ]).toEqual([false, false, false, false, false])
})
