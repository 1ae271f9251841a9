/** What POST /api/import answers (src/import/report.ts), as the import page shows it. */
export type ImportResult = {
  file: string
  summary: {
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
  report: {
    dryRun: boolean
    posts: ImportedPost[]
    files: {
      file: string
      format?: string
      posts: number
      skipped: { title: string; reason: string }[]
    }[]
  }
}

export type ImportedPost = {
  title: string
  outcome: 'created' | 'updated' | 'unchanged' | 'failed'
  id?: number | string
  slug?: string
  error?: string
  quotes: { attributed: number; unattributed: string[] }
  notes: string[]
}
