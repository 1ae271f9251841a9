'use client'

import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

type Summary = {
  posts: { created: number; updated: number; unchanged: number; failed: number; skipped: number }
  comments: {
    created: number
    approved: number
    pending: number
    spam: number
    rejected: number
    existing: number
  }
  authors: { created: number; reused: number }
  sources: { created: number; reused: number }
  quotes: { withAttribution: number; withoutAttribution: number }
}
type Post = {
  title: string
  outcome: 'created' | 'updated' | 'unchanged' | 'failed'
  id?: number | string
  slug?: string
  error?: string
  quotes: { attributed: number; unattributed: string[] }
  notes: string[]
}
type Result = {
  file: string
  summary: Summary
  report: {
    dryRun: boolean
    posts: Post[]
    files: {
      file: string
      format?: string
      posts: number
      skipped: { title: string; reason: string }[]
    }[]
  }
}

const FORMATS = ['blogger', 'wordpress', 'html', 'text'] as const
const MAX_BYTES = 20 * 1024 * 1024

const errorOf = async (res: Response) => {
  const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null
  return body?.errors?.[0]?.message ?? `The server answered ${res.status}.`
}

const box = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: 12,
  marginTop: 16,
} as const

/** The upload form of /admin/import and the report the server answers. */
export const ImportViewForm: React.FC = () => {
  const [file, setFile] = useState<File | null>(null)
  const [format, setFormat] = useState('')
  const [dryRun, setDryRun] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [result, setResult] = useState<Result | null>(null)

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!file) return setError('Choose a file to import.')
    if (file.size > MAX_BYTES)
      return setError('The file is larger than 20 MB; import it with npm run import instead.')
    setBusy(true)
    setError('')
    setResult(null)
    try {
      const form = new FormData()
      form.append('file', file)
      const query = new URLSearchParams({ dryRun: String(dryRun) })
      if (format) query.set('format', format)
      const res = await fetch(`/api/import?${query}`, {
        method: 'POST',
        credentials: 'include',
        body: form,
      })
      if (!res.ok) return setError(await errorOf(res))
      setResult((await res.json()) as Result)
    } catch (e) {
      setError(`The upload failed: ${(e as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  const s = result?.summary
  const will = result?.report.dryRun ? 'would be ' : ''
  return (
    <div data-testid="import-form">
      <p style={{ maxWidth: 720 }}>
        Upload a Blogger export (.xml), a WordPress export (.xml), a saved post page (.html) or a
        post copied as text (.txt), at most 20 MB. Posts come in as drafts; importing the same file
        again changes nothing. A dry run saves nothing and reports what would happen.
      </p>
      <form onSubmit={submit} style={{ display: 'grid', gap: 12, maxWidth: 520 }}>
        <label>
          File{' '}
          <input
            type="file"
            name="file"
            accept=".xml,.atom,.wxr,.html,.htm,.txt,.text,.md"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="import-file"
          />
        </label>
        <label>
          Format{' '}
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value)}
            data-testid="import-format"
          >
            <option value="">Detect from the file</option>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={dryRun}
            onChange={(e) => setDryRun(e.target.checked)}
            data-testid="import-dry-run"
          />{' '}
          Dry run (save nothing)
        </label>
        <div>
          <Button type="submit" disabled={busy || !file} buttonStyle="primary">
            {busy ? 'Importing…' : dryRun ? 'Check the file' : 'Import'}
          </Button>
        </div>
      </form>
      {error && (
        <p role="alert" data-testid="import-error" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {result && s && (
        <div data-testid="import-report" style={box}>
          <h3 style={{ marginTop: 0 }}>
            {result.report.dryRun
              ? `Dry run of ${result.file}: nothing was saved`
              : `Imported ${result.file}`}
          </h3>
          <ul>
            <li data-testid="import-posts">
              Posts: {s.posts.created} {will}created, {s.posts.updated} {will}updated,{' '}
              {s.posts.unchanged} unchanged, {s.posts.failed} failed, {s.posts.skipped} skipped
            </li>
            <li>
              Comments: {s.comments.created} {will}created ({s.comments.approved} approved,{' '}
              {s.comments.pending} pending, {s.comments.spam} spam, {s.comments.rejected} rejected),{' '}
              {s.comments.existing} already there
            </li>
            <li>
              Authors: {s.authors.created} {will}created, {s.authors.reused} reused
            </li>
            <li>
              Sources: {s.sources.created} {will}created, {s.sources.reused} reused
            </li>
            <li>
              Quotes: {s.quotes.withAttribution} with attribution, {s.quotes.withoutAttribution}{' '}
              without (an editor must pick a source before submitting)
            </li>
          </ul>
          <h4>Posts</h4>
          <ul>
            {result.report.posts.map((post, i) => (
              <li key={i}>
                <strong>{post.outcome}</strong>{' '}
                {post.id !== undefined && !result.report.dryRun ? (
                  <a href={`/admin/collections/articles/${post.id}`}>{post.title}</a>
                ) : (
                  post.title
                )}
                {post.slug && <> → {post.slug}</>}
                {post.error && <> — FAILED: {post.error}</>}
                {post.notes.length > 0 && <> ({post.notes.join('; ')})</>}
                {post.quotes.unattributed.length > 0 && (
                  <ul>
                    {post.quotes.unattributed.map((quote, j) => (
                      <li key={j}>Quote without attribution: {quote}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {result.report.files.some((f) => f.skipped.length > 0) && (
            <>
              <h4>Not imported</h4>
              <ul>
                {result.report.files.flatMap((f) =>
                  f.skipped.map((entry, j) => (
                    <li key={`${f.file}-${j}`}>
                      “{entry.title}” — {entry.reason}
                    </li>
                  )),
                )}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  )
}
