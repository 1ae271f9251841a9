import type { CollectionBeforeOperationHook } from 'payload'

/** The longest base name kept, in UTF-8 bytes: with a size suffix (`-1600x900`) it stays far below the 255 a file system allows. */
export const MAX_NAME_BYTES = 100

/** The allowed image types (Media's mimeTypes) by their first bytes, as Payload's check tells them, and the extension each is stored with. */
const SIGNATURES: { ext: string; aliases: string[]; matches: (head: Buffer) => boolean }[] = [
  { ext: 'jpg', aliases: ['jpeg'], matches: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff },
  { ext: 'png', aliases: [], matches: (head) => head.toString('latin1', 0, 8) === '\x89PNG\r\n\x1a\n' },
  { ext: 'gif', aliases: [], matches: (head) => head.toString('latin1', 0, 3) === 'GIF' },
  { ext: 'webp', aliases: [], matches: (head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP' },
  {
    ext: 'avif',
    aliases: [],
    matches: (head) => head.toString('latin1', 4, 8) === 'ftyp' && /^avi[fs]$/.test(head.toString('latin1', 8, 12)),
  },
]

const clean = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')

/** Cut at a character boundary, never inside a multi-byte character. */
const truncateBytes = (text: string, max: number) => {
  let out = ''
  let bytes = 0
  for (const char of text) {
    bytes += Buffer.byteLength(char)
    if (bytes > max) break
    out += char
  }
  return out
}

/**
 * The name an upload is stored under: the last segment of what the sender called it (after
 * decoding `%2F` and splitting on `/` and `\`), letters, digits, `_`, `.` and `-` only, at most
 * 100 bytes, and — when the content is one of the allowed image types — that type's extension,
 * whatever the sender's was (`photo.html` holding a PNG is stored as `photo.png`).
 */
export function safeUploadName(sent: string, content: Buffer): string {
  let name = sent
  try {
    name = decodeURIComponent(sent)
  } catch {
    // not percent-encoded: kept as sent
  }
  const last = name.split(/[\\/]/).pop() ?? ''
  const dot = last.lastIndexOf('.')
  const base = truncateBytes(clean(dot > 0 ? last.slice(0, dot) : last), MAX_NAME_BYTES).replace(/[.-]+$/, '') || 'image'
  const given = (dot > 0 ? last.slice(dot + 1) : '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 10)
  const type = SIGNATURES.find(({ matches }) => matches(content.subarray(0, 16)))
  const ext = type ? (type.aliases.includes(given) ? given : type.ext) : given
  return ext ? `${base}.${ext}` : base
}

/**
 * Payload checks an upload's content against the allowed types and strips path segments from its
 * name, but keeps the sender's extension and length: a PNG could be stored as `.html` (served as a
 * web page by any static file server), and a name near 255 bytes failed after the original was
 * written, when the sizes' longer names were refused by the file system. Renamed before Payload
 * names the files.
 */
export const nameUploadSafely: CollectionBeforeOperationHook = ({ operation, req }) => {
  if ((operation === 'create' || operation === 'update') && req.file?.data?.length) {
    req.file.name = safeUploadName(req.file.name, req.file.data)
  }
}
