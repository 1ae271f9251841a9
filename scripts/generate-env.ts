/**
 * `npm run generate:env`: writes `.env.example` and the variable table of docs/configuration.md
 * from the one table in src/env.ts. `npm run check:generated` calls envDocsProblems(), which names
 * each variable whose line in either file disagrees with the table (name, default, doc).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { GROUPS, variables, type Variable } from '../src/env'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const ENV_EXAMPLE = path.join(root, '.env.example')
export const CONFIGURATION_DOC = path.join(root, 'docs/configuration.md')
const TABLE_START =
  '<!-- variables: generated from src/env.ts by `npm run generate:env`; edit the table there -->'
const TABLE_END = '<!-- end of variables -->'
const WIDTH = 100

type Entry = { name: string; spec: Variable<unknown> }
const entries = (): Entry[] =>
  Object.entries(variables).map(([name, spec]) => ({ name, spec: spec as Variable<unknown> }))
const groups = () =>
  Object.entries(GROUPS).map(([key, title]) => ({
    title,
    members: entries().filter(({ spec }) => spec.group === key),
  }))

function wrap(text: string, prefix: string): string[] {
  const lines: string[] = []
  let line = prefix
  for (const word of text.split(' ')) {
    if (line.length > prefix.length && line.length + 1 + word.length > WIDTH) {
      lines.push(line)
      line = prefix
    }
    line += line.length > prefix.length ? ` ${word}` : word
  }
  return [...lines, line]
}

/** A variable in .env.example: its doc (and a default that depends on others), then the assignment, commented out. */
function envBlock({ name, spec }: Entry): string[] {
  const shown = typeof spec.default === 'object' ? ` Default: ${spec.default.shown}.` : ''
  return [
    ...wrap(spec.doc + shown, '# '),
    `# ${name}=${typeof spec.default === 'string' ? spec.default : ''}`,
  ]
}

export function renderEnvExample(): string {
  const header = [
    '# Every environment variable the CMS reads, with its default. Generated from the table in src/env.ts',
    '# by `npm run generate:env` (edit there; `npm run check:generated` fails when this file disagrees).',
    '# Uncomment what you set; unset or blank means the default. More in docs/configuration.md.',
  ]
  const sections = groups().map(({ title, members }) => [
    `# ── ${title} ──`,
    ...members.flatMap((entry) => ['', ...envBlock(entry)]),
  ])
  return [header, ...sections].map((lines) => lines.join('\n')).join('\n\n') + '\n'
}

const cell = (text: string) => text.replaceAll('|', '\\|')
const defaultCell = ({ spec }: Entry) =>
  typeof spec.default === 'object'
    ? spec.default.shown
    : spec.default === undefined
      ? 'unset'
      : `\`${spec.default}\``
const tableRow = (entry: Entry) =>
  `| \`${entry.name}\` | ${cell(defaultCell(entry))} | ${cell(entry.spec.doc)} |`

export function renderConfigurationTable(): string {
  const sections = groups().map(({ title, members }) =>
    [
      `### ${title}`,
      '',
      '| variable | default | meaning |',
      '|---|---|---|',
      ...members.map(tableRow),
    ].join('\n'),
  )
  return [TABLE_START, ...sections, TABLE_END].join('\n\n')
}

/** The variable table put between its markers in docs/configuration.md (the prose around it is kept). */
function withTable(doc: string): string | undefined {
  const start = doc.indexOf(TABLE_START)
  const end = doc.indexOf(TABLE_END)
  if (start < 0 || end < start) return undefined
  return doc.slice(0, start) + renderConfigurationTable() + doc.slice(end + TABLE_END.length)
}

/** Each variable whose line differs, named; the whole file when only the layout around them does. */
function differences(
  file: string,
  actual: Map<string, string>,
  expected: Map<string, string>,
  fix: string,
): string[] {
  const problems: string[] = []
  for (const [name, line] of expected) {
    if (!actual.has(name)) problems.push(`${file} lacks ${name}: ${fix}.`)
    else if (actual.get(name) !== line)
      problems.push(
        `${file} describes ${name} differently from src/env.ts (default or doc): ${fix}.`,
      )
  }
  for (const name of actual.keys())
    if (!expected.has(name))
      problems.push(`${file} has ${name}, which src/env.ts does not read: ${fix}.`)
  return problems
}

/** Each variable's block in .env.example (its comment lines and assignment), by name. */
function envBlocks(text: string): Map<string, string> {
  const blocks = new Map<string, string>()
  for (const block of text.split(/\n\s*\n/)) {
    const name = /^# ([A-Z][A-Z0-9_]*)=/.exec(block.trim().split('\n').at(-1) ?? '')?.[1]
    if (name) blocks.set(name, block.trim())
  }
  return blocks
}

const tableRows = (text: string) =>
  new Map(
    [...text.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|.*$/gm)].map(
      (match) => [match[1], match[0]] as [string, string],
    ),
  )

const readOrEmpty = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')

/** What is wrong with the given texts of .env.example and docs/configuration.md (by default, the files'). */
export function envDocsProblems(
  example = readOrEmpty(ENV_EXAMPLE),
  doc = readOrEmpty(CONFIGURATION_DOC),
): string[] {
  const fix = 'run `npm run generate:env`'
  const problems: string[] = []
  const expectedExample = renderEnvExample()
  if (example !== expectedExample) {
    const named = differences('.env.example', envBlocks(example), envBlocks(expectedExample), fix)
    problems.push(
      ...(named.length
        ? named
        : [`.env.example differs from src/env.ts around the variables: ${fix}.`]),
    )
  }
  const expectedDoc = withTable(doc)
  if (expectedDoc === undefined) {
    problems.push(
      `docs/configuration.md lacks the variable table's markers (${TABLE_START} … ${TABLE_END}).`,
    )
  } else if (doc !== expectedDoc) {
    const named = differences('docs/configuration.md', tableRows(doc), tableRows(expectedDoc), fix)
    problems.push(
      ...(named.length
        ? named
        : [`docs/configuration.md's variable table differs from src/env.ts: ${fix}.`]),
    )
  }
  return problems
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  fs.writeFileSync(ENV_EXAMPLE, renderEnvExample())
  const doc = fs.existsSync(CONFIGURATION_DOC)
    ? fs.readFileSync(CONFIGURATION_DOC, 'utf8')
    : `# Configuration\n\n${TABLE_START}\n${TABLE_END}\n`
  const updated = withTable(doc)
  if (updated === undefined) {
    console.error(
      `docs/configuration.md has no variable table to replace: put ${TABLE_START} and ${TABLE_END} where it goes.`,
    )
    process.exit(1)
  }
  fs.writeFileSync(CONFIGURATION_DOC, updated)
  console.log(
    `Wrote .env.example and the table in docs/configuration.md (${entries().length} variables).`,
  )
}
