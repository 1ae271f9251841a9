import { FORMAT } from './runs'

/** How HTML elements read in a post: inline formats, block containers, what is dropped. */

export const INLINE_FORMAT: Record<string, number> = {
  b: FORMAT.bold,
  strong: FORMAT.bold,
  i: FORMAT.italic,
  em: FORMAT.italic,
  cite: FORMAT.italic,
  s: FORMAT.strikethrough,
  strike: FORMAT.strikethrough,
  del: FORMAT.strikethrough,
  u: FORMAT.underline,
  ins: FORMAT.underline,
  code: FORMAT.code,
  kbd: FORMAT.code,
  samp: FORMAT.code,
  tt: FORMAT.code,
  sub: FORMAT.subscript,
  sup: FORMAT.superscript,
}
export const BLOCK_CONTAINERS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'center',
  'figure',
  'figcaption',
  'address',
  'dl',
  'dd',
  'dt',
  'body',
  'html',
  'details',
  'summary',
])
export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
export const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'nav',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'iframe',
  'map',
])

/** Keeps links a reader can follow: absolute http(s) and mailto, or relative ones made absolute. */
export function resolveLink(href: string | undefined, baseUrl?: string): string | undefined {
  if (!href || href.startsWith('#')) return undefined
  try {
    const url = new URL(href, baseUrl)
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined
  } catch {
    return undefined
  }
}
