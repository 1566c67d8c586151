/** A tiny XML writer for the edit files: elements with escaped text, indented for a person who opens the file. */

/** An element: its name, attributes and children (text or elements). */
export interface XmlElement {
  readonly name: string
  readonly attributes?: Readonly<Record<string, string>>
  readonly children: readonly (XmlElement | string | number)[]
}

/** `<name attributes>children</name>`. */
export function el(name: string, children: XmlElement['children'] | string | number = [], attributes?: Record<string, string>): XmlElement {
  return { name, attributes, children: Array.isArray(children) ? children : [children as string | number] }
}

/**
 * `text` escaped for XML content or an attribute value. The characters XML 1.0 cannot hold must
 * already be gone (editText.ts); `]]>` needs no care outside CDATA, which this writer never uses,
 * but its `>` is escaped anyway.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`)
}

/** `element` as indented XML lines. */
export function renderXml(element: XmlElement, depth = 0): string {
  const indent = '  '.repeat(depth)
  const attributes = Object.entries(element.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('')
  const open = `${indent}<${element.name}${attributes}`
  if (element.children.length === 0) return `${open}/>`
  if (element.children.every((child) => typeof child !== 'object')) return `${open}>${element.children.map((child) => escapeXml(String(child))).join('')}</${element.name}>`
  const inner = element.children.map((child) => (typeof child === 'object' ? renderXml(child, depth + 1) : `${indent}  ${escapeXml(String(child))}`))
  return [`${open}>`, ...inner, `${indent}</${element.name}>`].join('\n')
}
