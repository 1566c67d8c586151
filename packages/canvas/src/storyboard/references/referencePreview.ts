import type { Editor, TLAssetId, TLShape } from 'tldraw'

/** What a reference looks like in a list: a picture, a clip, or a link with its address. */
export type ReferencePreview =
  | { kind: 'image'; src: string; name: string }
  | { kind: 'video'; src: string; name: string }
  | { kind: 'link'; url: string; name: string; image: string | null; uploading?: true }

/** The name tldraw gives an image pasted from the clipboard, which comes without a file name. */
const PASTED_FILE_NAME = 'tldrawFile'

/** An asset's file name as people should read it. */
function shownName(name: string): string {
  return name === PASTED_FILE_NAME ? 'Pasted image' : name
}

/** The preview of a reference shape, from its asset (uploaded URL) or its link. */
export function referencePreview(editor: Editor, shape: TLShape): ReferencePreview {
  const props = shape.props as { assetId?: TLAssetId | null; url?: string }
  const asset = props.assetId ? editor.getAsset(props.assetId) : undefined
  if (asset && (asset.type === 'image' || asset.type === 'video') && asset.props.src) {
    return { kind: asset.type, src: asset.props.src, name: shownName(asset.props.name) }
  }
  if (asset?.type === 'bookmark') {
    const url = asset.props.src ?? props.url ?? ''
    return { kind: 'link', url, name: asset.props.title || url, image: asset.props.image || null }
  }
  const url = props.url ?? ''
  // An image or clip still uploading has no src yet: show it as a placeholder with its name.
  if (asset && (asset.type === 'image' || asset.type === 'video')) {
    return { kind: 'link', url, name: shownName(asset.props.name) || 'Uploading…', image: null, uploading: true }
  }
  return { kind: 'link', url, name: url || 'Uploading…', image: null }
}
