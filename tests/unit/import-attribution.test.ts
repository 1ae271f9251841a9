import { describe, expect, it } from 'vitest'

import { attributionLine, findQuotes, headAttribution } from '../../src/import/quotes/attribution'
import { canonicalSource } from '../../src/import/quotes/sources'

describe('finding quotations and their attribution', () => {
  it.each([
    [
      '“Rates will stay high for longer,” according to Reuters.',
      'Rates will stay high for longer.',
      'Reuters',
    ],
    [
      '"Rates will stay high for longer," according to Reuters.',
      'Rates will stay high for longer.',
      'Reuters',
    ],
    [
      '“The bridge is unsafe and must close,” the Guardian reported.',
      'The bridge is unsafe and must close.',
      'the Guardian',
    ],
    [
      '“We will rebuild the tram lines,” said Jane Doe.',
      'We will rebuild the tram lines.',
      'Jane Doe',
    ],
    [
      '“We will rebuild the tram lines,” says Jane Doe.',
      'We will rebuild the tram lines.',
      'Jane Doe',
    ],
    [
      '“We will rebuild the tram lines,” Jane Doe said.',
      'We will rebuild the tram lines.',
      'Jane Doe',
    ],
    [
      '“We will rebuild the tram lines,” Jane Doe told reporters on Monday.',
      'We will rebuild the tram lines.',
      'Jane Doe',
    ],
    [
      'Jane Doe said: “We will rebuild the tram lines.”',
      'We will rebuild the tram lines.',
      'Jane Doe',
    ],
    [
      'Jane Doe said “we will rebuild the tram lines.”',
      'we will rebuild the tram lines.',
      'Jane Doe',
    ],
    [
      'In a speech on Tuesday, Jane Doe said that “nobody will be left behind.”',
      'nobody will be left behind.',
      'Jane Doe',
    ],
    [
      'According to the Associated Press, “the talks collapsed late on Friday.”',
      'the talks collapsed late on Friday.',
      'the Associated Press',
    ],
    [
      'As Maya Angelou put it, “people will never forget how you made them feel.”',
      'people will never forget how you made them feel.',
      'Maya Angelou',
    ],
    [
      '“Most rails are usable,” said Dr. John Smith, a historian.',
      'Most rails are usable.',
      'Dr. John Smith',
    ],
    [
      '“Trams carried the city for sixty years,” the U.S. Department of Transportation said.',
      'Trams carried the city for sixty years.',
      'the U.S. Department of Transportation',
    ],
    [
      '« Le tram revient en ville », a déclaré personne. “Prices will rise next year,” a spokesperson for the Ministry of Health said.',
      'Prices will rise next year.',
      'the Ministry of Health',
    ],
  ])('%s', (text, quote, source) => {
    const found = findQuotes(text)
    expect(found.at(-1)).toMatchObject({ quote, source })
  })

  it('keeps the words describing a source apart from its name', () => {
    const [found] = findQuotes('“We have never seen this,” said Jane Doe, an economist at Acme.')
    expect(found).toMatchObject({ source: 'Jane Doe', descriptor: 'an economist at Acme' })
  })

  it.each([
    ['“We will win this fight,” she said.', 'she'],
    ['“We will win this fight,” he added.', 'he'],
    ['“Prices will rise again next year,” officials said on Tuesday.', 'officials'],
    ['“Prices will rise again next year,” a spokesperson said.', 'a spokesperson'],
  ])('finds a quotation attributed to nobody nameable: %s', (text, hint) => {
    const [found] = findQuotes(text)
    expect(found).toMatchObject({ hint })
    expect(found?.source).toBeUndefined()
  })

  it('takes a paragraph that is only a quotation as an unattributed quote', () => {
    expect(findQuotes('“Nobody saw it coming at all.”')).toEqual([
      { start: 0, end: 30, quote: 'Nobody saw it coming at all.' },
    ])
  })

  it.each([
    'He called it “a disaster in the making” yesterday.',
    'It was "a big deal" for them.',
    'The so-called “reforms” never came.',
    'No quotation marks at all, said nobody.',
  ])('leaves quotation marks inside a sentence alone: %s', (text) => {
    expect(findQuotes(text)).toEqual([])
  })

  it('joins a quotation interrupted by its attribution', () => {
    const [found] = findQuotes(
      '“We will win this fight,” said Jane Doe, “and we will win it soon.”',
    )
    expect(found).toMatchObject({
      quote: 'We will win this fight, and we will win it soon.',
      source: 'Jane Doe',
    })
  })

  it('joins the next sentence-long quotation of the same speaker', () => {
    const [found] = findQuotes('“I played here as a child,” said Ana Lima. “We all did.”')
    expect(found).toMatchObject({
      quote: 'I played here as a child. We all did.',
      source: 'Ana Lima',
    })
  })

  it('keeps a nested quotation inside the quote', () => {
    const [found] = findQuotes(
      '“He told me ‘never again’ three times,” Dr. John Smith told the BBC.',
    )
    expect(found).toMatchObject({
      quote: 'He told me ‘never again’ three times.',
      source: 'Dr. John Smith',
    })
  })

  it('finds several quotations in one paragraph, with offsets of what they replace', () => {
    const text =
      'Prices rose. “We have never seen this,” said Jane Doe. “It will pass,” according to Reuters. Others disagreed.'
    const found = findQuotes(text)
    expect(found.map((f) => f.source)).toEqual(['Jane Doe', 'Reuters'])
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(
      '“We have never seen this,” said Jane Doe.',
    )
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('“It will pass,” according to Reuters.')
  })
})

describe('attribution lines and lead-ins', () => {
  it.each([
    ['— Reuters', { source: 'Reuters' }],
    ['– Jane Doe, The Guardian', { source: 'Jane Doe', descriptor: 'The Guardian' }],
    ['-- Associated Press', { source: 'Associated Press' }],
    ['~ Anonymous', { hint: 'Anonymous' }],
  ])('reads "%s"', (line, agent) => {
    expect(attributionLine(line)).toEqual(agent)
  })

  it.each(['-not a dash line', 'Reuters', 'A sentence — with a dash.'])(
    'is no attribution line: %s',
    (line) => {
      expect(attributionLine(line)).toBeUndefined()
    },
  )

  it.each([
    ['As the Guardian reported:', 'the Guardian'],
    ['Jane Doe told reporters:', 'Jane Doe'],
    ['According to Reuters,', 'Reuters'],
    ['On Monday Jane Doe wrote:', 'Jane Doe'],
  ])('reads the lead-in "%s"', (text, source) => {
    expect(headAttribution(text)?.source).toBe(source)
  })
})

describe('canonical sources and their kinds', () => {
  it.each([
    ['Reuters', 'Reuters', 'news_agency'],
    ['AP', 'Associated Press', 'news_agency'],
    ['the Associated Press', 'Associated Press', 'news_agency'],
    ['AFP', 'Agence France-Presse', 'news_agency'],
    ['the Guardian', 'The Guardian', 'newspaper'],
    ['the Daily Bugle', 'The Daily Bugle', 'newspaper'],
    ['the BBC', 'BBC', 'broadcaster'],
    ['the IMF', 'International Monetary Fund', 'international_org'],
    ['Amnesty', 'Amnesty International', 'ngo'],
    ['the Ministry of Health', 'Ministry of Health', 'government'],
    ['University of Leeds', 'University of Leeds', 'academic'],
    ['Acme Corp.', 'Acme Corp', 'company'],
    ['Prime Minister Jane Doe', 'Jane Doe', 'person'],
    ['Dr. John Smith', 'John Smith', 'person'],
    ['Jane Doe', 'Jane Doe', 'other'],
    ['City Archive', 'City Archive', 'other'],
  ])('%s → %s (%s)', (written, name, kind) => {
    expect(canonicalSource(written)).toEqual({ name, kind })
  })

  it('takes a person-shaped name described as a person to be a person', () => {
    expect(canonicalSource('Jane Doe', 'an economist at Acme')).toEqual({
      name: 'Jane Doe',
      kind: 'person',
    })
    expect(canonicalSource('Acme Widgets', 'a company in Ohio')).toEqual({
      name: 'Acme Widgets',
      kind: 'other',
    })
  })

  it('has nothing to name in punctuation', () => {
    expect(canonicalSource(' — , ')).toBeUndefined()
  })
})
