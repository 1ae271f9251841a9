'use client'

import { Banner, Button, CheckboxInput, Dropzone, FieldLabel, SelectInput } from '@payloadcms/ui'
import React, { useRef, useState } from 'react'

import { ImportReport } from './ImportReport'
import type { ImportResult } from './importTypes'

const FORMATS = [
  { label: 'Blogger export', value: 'blogger' },
  { label: 'WordPress export', value: 'wordpress' },
  { label: 'Saved post page (HTML)', value: 'html' },
  { label: 'Post as text', value: 'text' },
]
const MAX_BYTES = 20 * 1024 * 1024
const ACCEPT = '.xml,.atom,.wxr,.html,.htm,.txt,.text,.md'

const errorOf = async (res: Response) => {
  const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null
  return body?.errors?.[0]?.message ?? `The server answered ${res.status}.`
}

const fileSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The upload form of /admin/import, and the report the server answers. */
export const ImportViewForm: React.FC = () => {
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [format, setFormat] = useState('')
  const [dryRun, setDryRun] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [result, setResult] = useState<ImportResult | null>(null)

  const choose = (files: FileList | null | undefined) => {
    setFile(files?.[0] ?? null)
    setError('')
  }

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
      setResult((await res.json()) as ImportResult)
    } catch (e) {
      setError(`The upload failed: ${(e as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="import-view" data-testid="import-form">
      <p className="import-view__intro">
        Upload a Blogger export (.xml), a WordPress export (.xml), a saved post page (.html) or a
        post copied as text (.txt), at most 20 MB. Posts come in as drafts; importing the same file
        again changes nothing. A dry run saves nothing and reports what would happen.
      </p>
      <form className="import-view__form" onSubmit={submit}>
        <div className="field-type">
          <FieldLabel label="File" path="file" required />
          <Dropzone className="import-view__dropzone" onChange={choose}>
            <Button buttonStyle="pill" size="small" onClick={() => input.current?.click()}>
              Select a file
            </Button>
            <input
              ref={input}
              type="file"
              name="file"
              accept={ACCEPT}
              hidden
              onChange={(e) => choose(e.target.files)}
              data-testid="import-file"
            />
            {file ? (
              <span className="import-view__file" data-testid="import-file-name">
                {file.name} · {fileSize(file.size)}
              </span>
            ) : (
              <span className="import-view__hint">or drag and drop a file here</span>
            )}
          </Dropzone>
        </div>
        <SelectInput
          name="format"
          path="format"
          label="Format"
          placeholder="Detect from the file"
          options={FORMATS}
          value={format}
          onChange={(option) =>
            setFormat(option && !Array.isArray(option) ? String(option.value) : '')
          }
        />
        <CheckboxInput
          id="import-dry-run"
          name="dryRun"
          label="Dry run: save nothing, report what would happen"
          checked={dryRun}
          onToggle={(e) => setDryRun(e.target.checked)}
        />
        <div>
          <Button type="submit" buttonStyle="primary" disabled={busy || !file}>
            {busy ? 'Importing…' : dryRun ? 'Check the file' : 'Import'}
          </Button>
        </div>
      </form>
      {error && (
        <Banner type="error">
          <span role="alert" data-testid="import-error">
            {error}
          </span>
        </Banner>
      )}
      {result && <ImportReport result={result} />}
    </div>
  )
}
