import { parseArgs as readCommandLine } from 'node:util'

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

export type CliArgs =
  | { paths: string[]; options: Omit<ImportOptions, 'onProgress'> }
  | { help: true }
  | { error: string }

const OPTIONS = {
  format: { type: 'string' },
  author: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'publish-as-is': { type: 'boolean' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

const isOption = (name: string): name is keyof typeof OPTIONS => Object.hasOwn(OPTIONS, name)

/** Reads the command line (what follows `npm run import --`). */
export function parseArgs(argv: string[]): CliArgs {
  // Not strict: node's refusals ("Option '--author <value>' argument missing") are replaced by
  // ours, one line each, so every flag is judged here from its token.
  const { tokens, positionals } = readCommandLine({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  })
  const flags = tokens.filter((token) => token.kind === 'option')
  if (flags.some((flag) => flag.name === 'help')) return { help: true }
  const options: Omit<ImportOptions, 'onProgress'> = {}
  for (const flag of flags) {
    if (!isOption(flag.name)) return { error: `unknown option ${flag.rawName}.` }
    if (OPTIONS[flag.name].type === 'boolean' && flag.value !== undefined)
      return { error: `${flag.rawName} takes no value.` }
    // `--author --dry-run` is a missing value, not an author called --dry-run (`--author=-x` is one).
    const value = flag.inlineValue || !flag.value?.startsWith('-') ? flag.value : undefined
    switch (flag.name) {
      case 'dry-run':
        options.dryRun = true
        break
      case 'publish-as-is':
        options.publishAsIs = true
        break
      case 'format':
        if (!value || !isFormat(value))
          return {
            error: `--format must be one of ${FORMATS.join(', ')}${value ? `, not "${value}"` : ''}.`,
          }
        options.format = value
        break
      case 'author':
      case 'as':
        if (!value) return { error: `${flag.rawName} needs a value.` }
        options[flag.name] = value
        break
    }
  }
  if (!positionals.length) return { error: 'name a file or folder to import.' }
  if (options.as && !options.publishAsIs)
    return { error: '--as only applies with --publish-as-is.' }
  return { paths: positionals, options }
}
