import { attributionLine, findQuotes, headAttribution } from '../quotes/attribution'
import type { BodyBlock, QuoteBlock, Run } from '../types'
import { hasText, isBreak, runsText, sliceRuns, tidyRuns } from './runs'

const agentFields = (agent: { source?: string; hint?: string; descriptor?: string }) => ({
  ...(agent.source ? { source: agent.source } : {}),
  ...(agent.hint ? { hint: agent.hint } : {}),
  ...(agent.descriptor ? { descriptor: agent.descriptor } : {}),
})

/** "Jane Doe said," before a Quote block reads as "Jane Doe said:". */
function endWithColon(runs: Run[]): Run[] {
  const last = runs.at(-1)
  if (!last || isBreak(last) || !/,$/.test(last.text)) return runs
  return [...runs.slice(0, -1), { ...last, text: last.text.replace(/,$/, ':') }]
}

/**
 * A paragraph with its quotations taken out as Quote blocks: the text around each stays a
 * paragraph (formats and links kept); a trailing attribution clause goes into the block's source.
 */
export function splitQuotedParagraph(runs: Run[]): BodyBlock[] {
  const text = runsText(runs)
  const findings = findQuotes(text)
  if (!findings.length) return [{ type: 'paragraph', runs }]
  const blocks: BodyBlock[] = []
  let at = 0
  for (const finding of findings) {
    const before = tidyRuns(sliceRuns(runs, at, finding.start))
    if (hasText(before)) blocks.push({ type: 'paragraph', runs: endWithColon(before) })
    blocks.push({ type: 'quote', text: finding.quote, ...agentFields(finding) })
    at = finding.end
  }
  const after = tidyRuns(sliceRuns(runs, at, text.length))
  if (hasText(after)) blocks.push({ type: 'paragraph', runs: after })
  return blocks
}

const paragraphText = (block: BodyBlock | undefined) =>
  block?.type === 'paragraph' ? runsText(block.runs).trim() : undefined

/**
 * A blockquote's source is often written beside it: "As Reuters reported:" before, "— Reuters"
 * after. Those are read into the Quote block (the line after is removed, the lead-in kept).
 */
export function attachNeighbourAttributions(blocks: BodyBlock[]): BodyBlock[] {
  const out: BodyBlock[] = []
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (block.type !== 'quote' || block.source || block.hint) {
      out.push(block)
      continue
    }
    let quote: QuoteBlock = block
    const nextLine = paragraphText(blocks[i + 1])
    const after = nextLine ? attributionLine(nextLine) : undefined
    if (after) {
      quote = { ...quote, ...agentFields(after) }
      i++
    } else {
      const lead = paragraphText(out.at(-1))
      const before = lead && /:$/.test(lead) ? headAttribution(lead) : undefined
      if (before) quote = { ...quote, ...agentFields(before) }
    }
    out.push(quote)
  }
  return out
}
