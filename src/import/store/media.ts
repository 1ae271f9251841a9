import fs from 'node:fs'
import path from 'node:path'

import { MEDIA } from '../../collections/slugs'
import { sha1 } from '../formats/common'
import type { PostScope } from './context'

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
}
const EXTENSIONS = Object.fromEntries(Object.entries(TYPES).map(([ext, type]) => [type, ext]))

export type ImageBytes = { data: Buffer; mimetype: string }

/**
 * The bytes of an image the import may use: embedded (`data:` URI) or a file beside the imported
 * one ("Save page as… complete" keeps them in a folder). Remote images are never fetched.
 */
export function localImage(
  src: string,
  baseDir: string | undefined,
): ImageBytes | { skipped: string } {
  const data = /^data:(image\/[\w.+-]+)(;base64)?,(.*)$/is.exec(src)
  if (data) {
    const mimetype = data[1]!.toLowerCase()
    if (!EXTENSIONS[mimetype])
      return { skipped: `an embedded ${mimetype} image (not a supported type)` }
    return {
      mimetype,
      data: data[2] ? Buffer.from(data[3]!, 'base64') : Buffer.from(decodeURIComponent(data[3]!)),
    }
  }
  if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src) || /^[a-z][a-z0-9+.-]*:/i.test(src))
    return { skipped: `a remote image (${src.slice(0, 80)}), not fetched` }
  if (!baseDir)
    return {
      skipped: `an image at a relative path (${src.slice(0, 80)}) with no folder to look in`,
    }
  const file = path.resolve(baseDir, decodeURIComponent(src.split(/[?#]/)[0]!))
  const mimetype = TYPES[path.extname(file).toLowerCase()]
  if (!mimetype) return { skipped: `an image of unsupported type (${src.slice(0, 80)})` }
  if (!fs.existsSync(file))
    return { skipped: `a local image that is missing (${src.slice(0, 80)})` }
  return { mimetype, data: fs.readFileSync(file) }
}

/** The media document for these bytes: reused when the same image was imported before (by content hash). */
export async function mediaFor(
  { ctx, req }: PostScope,
  image: ImageBytes,
  alt: string,
): Promise<number | string> {
  const filename = `import-${sha1(image.data.toString('base64')).slice(0, 16)}${EXTENSIONS[image.mimetype]}`
  const known = ctx.media.get(filename)
  if (known !== undefined) return known
  const { docs } = await ctx.payload.find({
    collection: MEDIA,
    where: { filename: { equals: filename } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const id =
    docs[0]?.id ??
    (ctx.dryRun
      ? -ctx.nextFakeId()
      : (
          await ctx.payload.create({
            collection: MEDIA,
            data: { alt: (alt.trim() || 'Imported image').slice(0, 300) },
            file: {
              data: image.data,
              mimetype: image.mimetype,
              name: filename,
              size: image.data.length,
            },
            depth: 0,
            overrideAccess: true,
            req,
          })
        ).id)
  ctx.media.stage(filename, id)
  return id
}
