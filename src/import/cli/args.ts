import { isFormat } from '../formats'
import type { ImportOptions } from '../importer'
import { FORMATS } from '../types'

export const USAGE = `Usage: npm run import -- <file-or-folder>... [options]

Imports a blog as draft articles: a Blogger export (.xml), a WordPress export (.xml), saved post
pages (.html) or posts copied as text (.txt); a folder imports every such file in it.

Options:
  --format <${FORMATS.join('|')}>   the files' format (default: detected from each file)
  --author <slug>          credit every post to this existing author
  --dry-run                read and check everything, save nothing, print what would happen
  --publish-as-is          publish the posts that were live on the old blog, through the workflow
                           (needs an admin, and a second admin or publisher to approve)
  --as <email>             the admin who publishes (default: the first admin)
  --help                   this text`

export type CliArgs = { paths: string[]; options: Omit<ImportOptions, 'onProgress'> } | { help: true } | { error: string }

/** Reads the command line (what follows `npm run import --`). */
export function parseArgs(argv: string[]): CliArgs {
  const paths: string[] = []
  const options: Omit<ImportOptions, 'onProgress'> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = () => inline ?? argv[++i]
    switch (flag) {
      case '--help':
      case '-h':
        return { help: true }
      case '--dry-run':
        options.dryRun = true
        break
      case '--publish-as-is':
        options.publishAsIs = true
        break
      case '--format': {
        const format = value()
        if (!format || !isFormat(format))
          return { error: `--format must be one of ${FORMATS.join(', ')}${format ? `, not "${format}"` : ''}.` }
        options.format = format
        break
      }
      case '--author':
      case '--as': {
        const given = value()
        if (!given || given.startsWith('--')) return { error: `${flag} needs a value.` }
        if (flag === '--author') options.author = given
        else options.as = given
        break
      }
      default:
        if (arg.startsWith('-')) return { error: `unknown option ${arg}.` }
        paths.push(arg)
    }
  }
  if (!paths.length) return { error: 'name a file or folder to import.' }
  if (options.as && !options.publishAsIs) return { error: '--as only applies with --publish-as-is.' }
  return { paths, options }
}
