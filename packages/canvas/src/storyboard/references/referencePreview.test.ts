import { describe, expect, it } from 'vitest'
import type { Editor, TLAsset, TLShape } from 'tldraw'
import { referencePreview } from './referencePreview'

function imageOn(name: string, src: string | null = '/api/boards/b/assets/a'): { editor: Editor; shape: TLShape } {
  const asset = { id: 'asset:a', type: 'image', props: { name, src, w: 10, h: 10 } } as unknown as TLAsset
  const editor = { getAsset: (id: string) => (id === asset.id ? asset : undefined) } as unknown as Editor
  const shape = { id: 'shape:i', type: 'image', props: { assetId: asset.id } } as unknown as TLShape
  return { editor, shape }
}

describe('how a reference is named in lists', () => {
  it('by its file name', () => {
    const { editor, shape } = imageOn('mei character sheet.png')
    expect(referencePreview(editor, shape).name).toBe('mei character sheet.png')
  })

  it('as a pasted image when it came from the clipboard without a name, not by tldraw\'s placeholder', () => {
    const { editor, shape } = imageOn('tldrawFile')
    expect(referencePreview(editor, shape).name).toBe('Pasted image')
  })

  it('as uploading while the file has no address yet', () => {
    const { editor, shape } = imageOn('palette.png', null)
    expect(referencePreview(editor, shape)).toEqual({ kind: 'link', url: '', name: 'palette.png', image: null, uploading: true })
  })
})
