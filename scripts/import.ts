/**
 * `npm run import -- <file-or-folder>... [--format …] [--author <slug>] [--dry-run] [--publish-as-is] [--as <email>]`:
 * brings an existing blog in as draft articles (see README → Importing an existing blog).
 */
import { parseArgs, USAGE } from '../src/import/cli/args'

const args = parseArgs(process.argv.slice(2))
if ('help' in args) {
  console.log(USAGE)
  process.exit(0)
}
if ('error' in args) {
  // One line that says what is wrong; the options are one --help away rather than 15 lines below.
  console.error(`import: ${args.error} See npm run import -- --help.`)
  process.exit(2)
}

process.env.LOG_LEVEL ||= 'warn'
const { ConfigError } = await import('../src/env')
const { ImportSetupError } = await import('../src/import/setupError')
try {
  const { startPayload } = await import('../src/server/startPayload')
  const { runImport } = await import('../src/import/importer')
  const { formatReport, importSucceeded } = await import('../src/import/report')
  const { progressPrinter } = await import('../src/import/cli/progress')

  const payload = await startPayload()
  const progress = progressPrinter(process.stderr)
  const report = await runImport(payload, args.paths, {
    ...args.options,
    onProgress: progress.update,
  })
  progress.done()
  for (const file of report.files)
    if (file.error) console.error(`import: ${file.file}: ${file.error}`)
  if (report.files.some((file) => !file.error)) console.log(formatReport(report))
  process.exit(importSucceeded(report) ? 0 : 1)
} catch (error) {
  if (error instanceof ConfigError || error instanceof ImportSetupError)
    console.error(`import: ${error.message}`)
  else console.error(error)
  process.exit(error instanceof ImportSetupError ? 2 : 1)
}
