import { Parser } from 'htmlparser2'

import { ImportInputError } from '../types'

/** A parsed XML element: the qualified name as written (`wp:status`), attributes and children. */
export type XmlElement = {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  line: number
}
export type XmlNode = XmlElement | string

/** Line numbers for increasing offsets, counted incrementally (an export can be megabytes). */
function lineCounter(text: string): (index: number) => number {
  let at = 0
  let line = 1
  return (index) => {
    if (index < at) {
      at = 0
      line = 1
    }
    for (; at < index && at < text.length; at++) if (text.charCodeAt(at) === 10) line++
    return line
  }
}

/**
 * htmlparser2 passes over a close tag that matches nothing open (an export must not have one), and
 * reports `<x/>` as an implied close like a missing one (so it is marked here).
 */
class StrictXmlParser extends Parser {
  selfClosing = false
  /** The close tag being read, for messages about the elements it closes implicitly. */
  closing: { name: string; index: number } | undefined

  constructor(
    private readonly source: string,
    private readonly open: () => string[],
    private readonly stray: (name: string, index: number) => void,
    handler: ConstructorParameters<typeof Parser>[0],
  ) {
    super(handler, {
      xmlMode: true,
      decodeEntities: true,
      recognizeCDATA: true,
      recognizeSelfClosing: true,
    })
  }

  override onclosetag(start: number, endIndex: number): void {
    const name = this.source.slice(start, endIndex).trim()
    if (!this.open().includes(name)) this.stray(name, start)
    this.closing = { name, index: start }
    super.onclosetag(start, endIndex)
    this.closing = undefined
  }

  override onselfclosingtag(endIndex: number): void {
    this.selfClosing = true
    super.onselfclosingtag(endIndex)
    this.selfClosing = false
  }
}

/**
 * Parses an XML export strictly: a truncated file, a close tag that does not match, or text
 * outside the root element is an ImportInputError naming the line, never a half-read export.
 */
export function parseXml(text: string): XmlElement {
  const lineAt = lineCounter(text)
  const stack: XmlElement[] = []
  let ending = false
  let root: XmlElement | undefined
  let problem: string | undefined
  const fail = (message: string) => {
    problem ??= message
  }

  const parser: StrictXmlParser = new StrictXmlParser(
    text,
    () => stack.map((element) => element.name),
    (name, index) => {
      const open = stack.at(-1)
      fail(
        open
          ? `malformed XML: </${name}> at line ${lineAt(index)} does not match the open <${open.name}> (line ${open.line})`
          : `malformed XML: </${name}> at line ${lineAt(index)} closes nothing that is open`,
      )
    },
    {
      onopentag(name, attrs) {
        const element: XmlElement = { name, attrs, children: [], line: lineAt(parser.startIndex) }
        const parent = stack.at(-1)
        if (parent) parent.children.push(element)
        else if (root)
          fail(`malformed XML: a second root element <${name}> at line ${element.line}`)
        else root = element
        stack.push(element)
      },
      onclosetag(name, isImplied) {
        const element = stack.pop()
        if (!isImplied || parser.selfClosing) return
        if (ending) {
          fail(
            `truncated XML: the file ends inside <${element?.name ?? name}> (opened at line ${element?.line ?? '?'})`,
          )
        } else {
          const closing = parser.closing
          fail(
            `malformed XML: </${closing?.name ?? '?'}> at line ${lineAt(closing?.index ?? parser.startIndex)} closes <${closing?.name ?? '?'}> while <${element?.name ?? name}> (line ${element?.line ?? '?'}) is still open`,
          )
        }
      },
      ontext(data) {
        const parent = stack.at(-1)
        if (parent) {
          const last = parent.children.at(-1)
          if (typeof last === 'string') parent.children[parent.children.length - 1] = last + data
          else parent.children.push(data)
        } else if (data.trim()) {
          fail(`malformed XML: text outside the root element at line ${lineAt(parser.startIndex)}`)
        }
      },
    },
  )
  parser.write(text)
  ending = true
  parser.end()
  if (problem) throw new ImportInputError(problem)
  if (!root) throw new ImportInputError('no XML element found')
  return root
}

const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string'

/** Direct children named `name` (the qualified name, e.g. `wp:comment`). */
export const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((child): child is XmlElement => isElement(child) && child.name === name)

export const child = (element: XmlElement, name: string): XmlElement | undefined =>
  childrenNamed(element, name)[0]

/** The text content of an element and its descendants. */
export const textOf = (element: XmlElement | undefined): string =>
  element
    ? element.children.map((node) => (typeof node === 'string' ? node : textOf(node))).join('')
    : ''

/** The trimmed text of a direct child, or undefined when it is missing or empty. */
export const childText = (element: XmlElement, name: string): string | undefined =>
  textOf(child(element, name)).trim() || undefined
