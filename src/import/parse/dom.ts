import type { ChildNode, Document, Element } from 'domhandler'
import { DomUtils, parseDocument } from 'htmlparser2'

export type { ChildNode, Element }

/** Parses HTML as browsers forgive it: unclosed paragraphs, bare `<br>`, stray end tags. */
export const parseHtml = (html: string): Document =>
  parseDocument(html, { decodeEntities: true, lowerCaseTags: true })

export const isElement = (node: ChildNode): node is Element =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style'

export const attr = (element: Element, name: string): string | undefined =>
  element.attribs[name]?.trim() || undefined

export const hasClass = (element: Element, name: string): boolean =>
  (element.attribs.class ?? '').split(/\s+/).includes(name)

/** Every element below `root` (document order) that matches. */
export const findAll = (
  root: Document | Element | ChildNode[],
  test: (element: Element) => boolean,
): Element[] => DomUtils.findAll(test, Array.isArray(root) ? root : root.children)

export const findFirst = (
  root: Document | Element | ChildNode[],
  test: (element: Element) => boolean,
): Element | undefined =>
  DomUtils.findOne(test, Array.isArray(root) ? root : root.children) ?? undefined

/** Text content with whitespace collapsed. */
export const textContent = (node: Element | Document | ChildNode[] | undefined): string =>
  node
    ? DomUtils.textContent(node as Element)
        .replace(/[\s\u00a0]+/g, ' ')
        .trim()
    : ''

export const byTag =
  (...names: string[]) =>
  (element: Element): boolean =>
    names.includes(element.name)
