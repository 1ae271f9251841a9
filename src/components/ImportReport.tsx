'use client'

import { Banner, Pill } from '@payloadcms/ui'
import React from 'react'

import type { ImportedPost, ImportResult } from './importTypes'
import { ReportTable } from './ReportTable'

const OUTCOME_STYLES: Record<
  ImportedPost['outcome'],
  React.ComponentProps<typeof Pill>['pillStyle']
> = {
  created: 'success',
  updated: 'light',
  unchanged: 'light-gray',
  failed: 'error',
}

/** What one post's row says besides its outcome: the error, the importer's notes, quotes to fix. */
function remarks(post: ImportedPost): React.ReactNode {
  const lines = [
    ...(post.error ? [`Failed: ${post.error}`] : []),
    ...post.notes,
    ...post.quotes.unattributed.map((quote) => `Quote without attribution: ${quote}`),
  ]
  return lines.length ? lines.map((line, i) => <div key={i}>{line}</div>) : null
}

/** The server's answer to an import: totals, then every post, then what was not imported. */
export const ImportReport: React.FC<{ result: ImportResult }> = ({ result }) => {
  const { summary: s, report } = result
  const will = report.dryRun ? 'would be ' : ''
  const skipped = report.files.flatMap((file) => file.skipped)
  const totals: [string, string][] = [
    [
      'Posts',
      `${s.posts.created} ${will}created, ${s.posts.updated} ${will}updated, ${s.posts.unchanged} unchanged, ${s.posts.failed} failed, ${s.posts.skipped} skipped`,
    ],
    [
      'Comments',
      `${s.comments.created} ${will}created (${s.comments.approved} approved, ${s.comments.pending} pending, ${s.comments.spam} spam, ${s.comments.rejected} rejected), ${s.comments.existing} already there`,
    ],
    ['Authors', `${s.authors.created} ${will}created, ${s.authors.reused} reused`],
    ['Sources', `${s.sources.created} ${will}created, ${s.sources.reused} reused`],
    [
      'Quotes',
      `${s.quotes.withAttribution} with attribution, ${s.quotes.withoutAttribution} without (an editor must pick a source before submitting)`,
    ],
  ]
  return (
    <section className="import-view__report" data-testid="import-report">
      <Banner type={s.posts.failed > 0 ? 'error' : report.dryRun ? 'info' : 'success'}>
        <span data-testid="import-outcome">
          {report.dryRun
            ? `Dry run of ${result.file}: nothing was saved.`
            : `Imported ${result.file}.`}
        </span>
      </Banner>
      <ReportTable
        testId="import-totals"
        columns={[
          { key: 'what', heading: 'What', cells: totals.map(([what]) => what) },
          {
            key: 'count',
            heading: report.dryRun ? 'Would happen' : 'Happened',
            cells: totals.map(([what, text]) =>
              what === 'Posts' ? <span data-testid="import-posts">{text}</span> : text,
            ),
          },
        ]}
      />
      <h3>Posts</h3>
      <ReportTable
        testId="import-post-rows"
        columns={[
          {
            key: 'outcome',
            heading: 'Outcome',
            cells: report.posts.map((post) => (
              <Pill pillStyle={OUTCOME_STYLES[post.outcome]} size="small">
                {report.dryRun && post.outcome !== 'unchanged' && post.outcome !== 'failed'
                  ? `would be ${post.outcome}`
                  : post.outcome}
              </Pill>
            )),
          },
          {
            key: 'title',
            heading: 'Title',
            cells: report.posts.map((post) =>
              post.id !== undefined && !report.dryRun ? (
                <a href={`/admin/collections/articles/${post.id}`}>{post.title}</a>
              ) : (
                post.title
              ),
            ),
          },
          { key: 'slug', heading: 'Slug', cells: report.posts.map((post) => post.slug ?? '') },
          { key: 'remarks', heading: 'Remarks', cells: report.posts.map(remarks) },
        ]}
      />
      {skipped.length > 0 && (
        <>
          <h3>Not imported</h3>
          <ReportTable
            testId="import-skipped"
            columns={[
              { key: 'title', heading: 'Title', cells: skipped.map((entry) => entry.title) },
              { key: 'reason', heading: 'Reason', cells: skipped.map((entry) => entry.reason) },
            ]}
          />
        </>
      )}
    </section>
  )
}
