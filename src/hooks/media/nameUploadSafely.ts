import { fileTypeFromBuffer, type FileTypeResult } from 'file-type'
import type { CollectionBeforeOperationHook } from 'payload'

/** The longest base name kept, in UTF-8 bytes: with a size suffix (`-1600x900`) it stays far below the 255 a file system allows. */
export const MAX_NAME_BYTES = 100

/** Other spellings of an extension, kept when the sender used one (`photo.JPEG` stays `.jpeg`). */
const ALIASES: Record<string, string[]> = { jpg: ['jpeg'] }

/** Whether a collection's `mimeTypes` (exact or `image/*`) take `mime`; no list takes every type. */
const allows = (mimeTypes: readonly string[] | undefined, mime: string) =>
  !mimeTypes?.length ||
  mimeTypes.some(
    (type) => type === mime || (type.endsWith('/*') && mime.startsWith(type.slice(0, -1))),
  )

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
 * 100 bytes, and — when `type`, the type its content was found to be, is given — that type's
 * extension, whatever the sender's was (`photo.html` holding a PNG is stored as `photo.png`).
 */
export function safeUploadName(sent: string, type?: Pick<FileTypeResult, 'ext'>): string {
  let name = sent
  try {
    name = decodeURIComponent(sent)
  } catch {
    // not percent-encoded: kept as sent
  }
  const last = name.split(/[\\/]/).pop() ?? ''
  const dot = last.lastIndexOf('.')
  const base =
    truncateBytes(clean(dot > 0 ? last.slice(0, dot) : last), MAX_NAME_BYTES).replace(
      /[.-]+$/,
      '',
    ) || 'image'
  const given = (dot > 0 ? last.slice(dot + 1) : '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 10)
  const ext = type ? (ALIASES[type.ext]?.includes(given) ? given : type.ext) : given
  return ext ? `${base}.${ext}` : base
}

/**
 * Payload checks an upload's content against the allowed types and strips path segments from its
 * name, but keeps the sender's extension and length: a PNG could be stored as `.html` (served as a
 * web page by any static file server), and a name near 255 bytes failed after the original was
 * written, when the sizes' longer names were refused by the file system. Renamed before Payload
 * names the files.
 */
export const nameUploadSafely: CollectionBeforeOperationHook = async ({
  collection,
  operation,
  req,
}) => {
  const file = req.file
  if ((operation === 'create' || operation === 'update') && file?.data?.length) {
    // The same detection as Payload's check (file-type), so the name says what Payload accepted.
    // Content of a type the collection refuses keeps the sender's extension: Payload refuses it
    // by content anyway, and names it in the answer ("Invalid MIME type: application/pdf.").
    const type = await fileTypeFromBuffer(file.data).catch(() => undefined)
    file.name = safeUploadName(
      file.name,
      type && allows(collection.upload.mimeTypes, type.mime) ? type : undefined,
    )
  }
}
