/**
 * Finds quotations in a paragraph and whom they are attributed to, as blogs write it:
 * “…,” according to Reuters · “…,” the Guardian reported · “…,” said Jane Doe · Jane Doe said: “…”
 * · “…,” she said (attributed, but to nobody nameable) · a paragraph that is only a quotation.
 * Pure string work: offsets refer to the text given.
 */

import { NAME_PARTICLES } from './sources'

export type Agent = { source?: string; descriptor?: string; hint?: string }

export type QuoteFinding = Agent & {
  /** What a Quote block replaces: the quotation and, when it follows, its attribution clause. */
  start: number
  end: number
  quote: string
}

const VERBS =
  'said|says|told|tells|added|adds|explained|explains|wrote|writes|noted|notes|stated|states|argued|argues|warned|warns|claimed|claims|insisted|insists|reported|reports|announced|tweeted|posted|declared|continued|remarked|replied|observed|commented|admitted|acknowledged|concluded|suggested|conceded|recalled|asked|asks|quipped|predicted|cautioned|confirmed|maintained|stressed|pointed out|put it'

const OPEN_TO_CLOSE: Record<string, string> = { '“': '”', '"': '"', '«': '»', '„': '“”' }
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you'])
/** Lowercase openings of an unnamed attribution: "a spokesperson", "officials", "the minister". */
const UNNAMED_START =
  /^(?:a|an|the|one|two|three|several|some|many|most|other|local|senior|government|company|police|his|her|their|its)\s|^(?:officials|analysts|experts|critics|residents|witnesses|police|sources|observers|economists|investors|researchers|scientists|doctors|voters|campaigners|protesters|organisers|organizers)\b/
/** Capitalised words that start sentences rather than names ("Yesterday Jane Doe said"). */
const NOT_NAME_START = new Set(
  'yesterday today tomorrow then but and however later earlier last on in at when after before meanwhile also so still now here there this that it he she they we i as while once monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december speaking writing asked'.split(
    ' ',
  ),
)
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}\p{N}'’&\u2024-]*|\p{N}+|&)$/u
/** Lowercase words allowed inside a name: "Bank of England", "Ursula von der Leyen". */
const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the', ...NAME_PARTICLES])

/** Whether `phrase` is a proper name: capitalised words, optionally after "the", with connectors inside. */
function isName(phrase: string): boolean {
  const words = phrase.split(/\s+/)
  if (words[0]?.toLowerCase() === 'the' && words.length > 1) words.shift()
  if (
    !words.length ||
    words.length > 8 ||
    NOT_NAME_START.has(words[0]!.toLowerCase().replace(/\u2024/g, '.'))
  )
    return false
  if (!NAME_WORD.test(words[0]!) || !NAME_WORD.test(words.at(-1)!)) return false
  return words.every((word) => NAME_WORD.test(word) || CONNECTORS.has(word))
}

const unmask = (text: string) => text.replace(/\u2024/g, '.')

/** Who a phrase names: a source, an unnamed speaker (hint), or nobody (not an attribution at all). */
export function classifyAgent(raw: string): Agent | undefined {
  const phrase = raw.trim().replace(/^,\s*|,\s*$/g, '')
  if (!phrase) return undefined
  const [head, ...rest] = phrase.split(/,\s*/)
  const descriptor = rest.length ? unmask(rest.join(', ')).trim() || undefined : undefined
  const agent = head!.trim()
  if (PRONOUNS.has(agent.toLowerCase())) return { hint: agent }
  if (isName(agent)) return { source: unmask(agent), ...(descriptor ? { descriptor } : {}) }
  if (UNNAMED_START.test(agent) && agent.split(/\s+/).length <= 8) {
    const named = /\s(?:for|from|of|at|with)\s+((?:the\s+)?\p{Lu}.*)$/u.exec(agent)?.[1]
    if (named && isName(named))
      return {
        source: unmask(named),
        descriptor: unmask(
          agent
            .slice(0, agent.length - named.length)
            .trim()
            .replace(/\s+(?:for|from|of|at|with)$/, ''),
        ),
      }
    return { hint: unmask(agent) }
  }
  return undefined
}

/** The longest trailing run of words that names someone ("In Paris on Monday Jane Doe" → Jane Doe). */
function trailingAgent(words: string): Agent | undefined {
  const clause = words
    .split(/[,;:]\s*/)
    .at(-1)!
    .trim()
  const parts = clause.split(/\s+/).filter(Boolean)
  for (let from = 0; from < parts.length; from++) {
    const candidate = parts.slice(from).join(' ')
    const agent = classifyAgent(candidate)
    if (agent) return agent
  }
  return undefined
}

const TAIL_ACCORDING = /^\s*,?\s*according to\s+([^.!?“”"«»]{1,120}?)\s*([.!?]|,(?=\s*[“"«„])|$)/i
const TAIL_VERB_FIRST = new RegExp(
  `^\\s*,?\\s*(?:${VERBS})\\s+([^.!?“”"«»]{1,120}?)\\s*([.!?]|,(?=\\s*[“"«„])|$)`,
)
const TAIL_SUBJECT_FIRST = new RegExp(
  `^\\s*,?\\s*([^.!?“”"«»]{1,120}?)\\s+(?:${VERBS})\\b([^.!?“”"«»,]{0,60}?)\\s*([.!?]|,|$)`,
)
const HEAD_VERB = new RegExp(
  `^(.*?)\\s+(?:${VERBS})\\b((?:\\s+[\\p{L}'’-]+){0,4}?)\\s*(?:\\s+that)?\\s*[:,]?\\s*$`,
  'u',
)
const HEAD_ACCORDING = /(?:^|[\s,])according to\s+([^,:]{1,120}?)\s*[,:]\s*$/i
const HEAD_AS = new RegExp(
  `(?:^|\\s)(?:as|in the words of)\\s+([^,:]{1,120}?)(?:\\s+(?:${VERBS}))?\\s*[,:]\\s*$`,
  'i',
)

/** An attribution right after a quotation: its agent and where the clause ends. */
function tailAttribution(
  after: string,
): (Agent & { length: number; continues: boolean }) | undefined {
  for (const pattern of [TAIL_ACCORDING, TAIL_VERB_FIRST]) {
    const match = pattern.exec(after)
    const agent = match && classifyAgent(match[1]!)
    if (match && agent) return { ...agent, length: match[0].length, continues: match[2] === ',' }
  }
  const match = TAIL_SUBJECT_FIRST.exec(after)
  const agent = match && classifyAgent(match[1]!)
  if (match && agent) return { ...agent, length: match[0].length, continues: match[3] === ',' }
  return undefined
}

/** An attribution leading into a quotation ("Jane Doe said:", "According to Reuters,"). */
export function headAttribution(before: string): Agent | undefined {
  const text = mask(before)
  const according = HEAD_ACCORDING.exec(text) ?? HEAD_AS.exec(text)
  if (according) return classifyAgent(according[1]!)
  const verb = HEAD_VERB.exec(text)
  return verb ? trailingAgent(verb[1]!) : undefined
}

/** Hides the full stops of abbreviations (same length, so offsets hold): "Dr. Jane Doe", "the U.S. Treasury". */
function mask(text: string): string {
  return text
    .replace(
      /\b(Dr|Mr|Mrs|Ms|Mx|Prof|Sen|Rep|Gov|Gen|Col|Capt|Sgt|St|Jr|Sr|Inc|Ltd|Corp|Co|No|Mt)\./g,
      '$1\u2024',
    )
    .replace(/\b(?:\p{Lu}\.){2,}/gu, (abbr) => abbr.replace(/\./g, '\u2024'))
}

type Span = { open: number; close: number; inner: string }

/** Quoted spans with double quotation marks (single ones inside are nested quotes, kept as text). */
function quotedSpans(text: string): Span[] {
  const spans: Span[] = []
  for (let i = 0; i < text.length; i++) {
    const closers = OPEN_TO_CLOSE[text[i]!]
    if (!closers) continue
    let j = i + 1
    while (j < text.length && !closers.includes(text[j]!)) j++
    if (j >= text.length) break
    spans.push({ open: i, close: j + 1, inner: text.slice(i + 1, j) })
    i = j
  }
  return spans
}

const wordCount = (text: string) => text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length
const cleanQuote = (inner: string) => inner.trim().replace(/,$/, '.').replace(/\s+/g, ' ')
const sentenceStart = (text: string, before: number) => {
  const head = text.slice(0, before)
  const match = /.*[.!?](?:["”’)]*)\s+/s.exec(head)
  return match ? match[0].length : 0
}

/** Quotations worth a Quote block: attributed ones, and a paragraph that is nothing but a quotation. */
export function findQuotes(text: string): QuoteFinding[] {
  const masked = mask(text)
  const spans = quotedSpans(masked)
  const found: QuoteFinding[] = []
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!
    if (wordCount(span.inner) < 3) continue
    let quote = cleanQuote(unmask(span.inner))

    const tail = tailAttribution(masked.slice(span.close))
    if (tail) {
      let end = span.close + tail.length
      const next = spans[index + 1]
      // “We will win,” she said, “and soon.” / “We will win,” she said. “Soon.” — one speaker, one quotation.
      if (
        next &&
        masked.slice(end, next.open).trim() === '' &&
        !tailAttribution(masked.slice(next.close))
      ) {
        quote = `${tail.continues ? quote.replace(/\.$/, ',') : quote} ${cleanQuote(unmask(next.inner))}`
        end = next.close + (/^[.!?]/.exec(masked.slice(next.close))?.[0].length ?? 0)
        index++
      }
      const { length: _length, continues: _continues, ...agent } = tail
      found.push({ start: span.open, end, quote, ...agent })
      continue
    }

    const head = headAttribution(masked.slice(sentenceStart(masked, span.open), span.open))
    if (head) {
      const end = span.close + (/^[.,;]/.exec(masked.slice(span.close))?.[0].length ?? 0)
      found.push({ start: span.open, end, quote, ...head })
      continue
    }

    const rest = (masked.slice(0, span.open) + masked.slice(span.close)).replace(
      /[\s.,;:!?—–-]/g,
      '',
    )
    if (!rest) found.push({ start: 0, end: text.length, quote })
  }
  return found
}

/** "— Reuters", "-- Jane Doe, The Guardian", "~ Anonymous": the source line under a blockquote. */
export function attributionLine(line: string): Agent | undefined {
  const match = /^\s*(?:[—–―~]+|-{1,2}(?=\s))\s*(.+?)\s*$/.exec(line)
  if (!match) return undefined
  const [name, ...rest] = match[1]!.split(/,\s*/)
  if (/^(?:anon(?:ymous)?|unknown|source unknown)$/i.test(name!.trim()))
    return { hint: name!.trim() }
  const agent = classifyAgent(name!) ?? (name!.trim() ? { source: name!.trim() } : undefined)
  if (!agent) return undefined
  return rest.length && agent.source ? { ...agent, descriptor: rest.join(', ') } : agent
}
