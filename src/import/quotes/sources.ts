/**
 * Who a quotation's source is: a canonical name and a kind, from the name as a blog wrote it.
 * Kinds are guessed only when obvious (a known agency, an "of the Ministry…" name); else "other".
 */

import type { Source } from '../../payload-types'

/** The `kind` select of the sources collection (generated type), so the two cannot drift apart. */
export type SourceKind = Source['kind']

export type CanonicalSource = { name: string; kind: SourceKind }

/** Well-known names, with the spellings blogs use for them. */
const KNOWN: [SourceKind, string, ...string[]][] = [
  ['news_agency', 'Reuters', 'Thomson Reuters'],
  ['news_agency', 'Associated Press', 'AP', 'the AP', 'the Associated Press'],
  ['news_agency', 'Agence France-Presse', 'AFP', 'Agence France Presse'],
  ['news_agency', 'Bloomberg', 'Bloomberg News'],
  ['news_agency', 'Deutsche Presse-Agentur', 'dpa', 'DPA'],
  ['news_agency', 'ANSA'],
  ['news_agency', 'EFE'],
  ['news_agency', 'Xinhua', 'Xinhua News Agency'],
  ['news_agency', 'Kyodo', 'Kyodo News'],
  ['news_agency', 'TASS'],
  ['news_agency', 'Interfax'],
  ['news_agency', 'PA Media', 'the Press Association', 'Press Association'],
  ['news_agency', 'United Press International', 'UPI'],
  ['news_agency', 'Anadolu Agency', 'Anadolu'],
  ['news_agency', 'Yonhap'],
  ['news_agency', 'Press Trust of India', 'PTI'],
  ['news_agency', 'The Canadian Press', 'Canadian Press'],
  ['news_agency', 'Australian Associated Press', 'AAP'],
  ['newspaper', 'The Guardian', 'Guardian'],
  ['newspaper', 'The New York Times', 'New York Times', 'NYT'],
  ['newspaper', 'The Washington Post', 'Washington Post'],
  ['newspaper', 'The Times', 'Times'],
  ['newspaper', 'Financial Times', 'the FT', 'FT'],
  ['newspaper', 'The Wall Street Journal', 'Wall Street Journal', 'WSJ'],
  ['newspaper', 'The Independent', 'Independent'],
  ['newspaper', 'The Daily Telegraph', 'The Telegraph', 'Telegraph'],
  ['newspaper', 'Le Monde'],
  ['newspaper', 'El País', 'El Pais'],
  ['newspaper', 'Süddeutsche Zeitung'],
  ['newspaper', 'USA Today'],
  ['magazine', 'The Economist', 'Economist'],
  ['magazine', 'The Atlantic'],
  ['magazine', 'The New Yorker', 'New Yorker'],
  ['magazine', 'Der Spiegel', 'Spiegel'],
  ['magazine', 'Time', 'Time magazine'],
  ['magazine', 'Newsweek'],
  ['magazine', 'Wired'],
  ['broadcaster', 'BBC', 'the BBC', 'BBC News'],
  ['broadcaster', 'CNN'],
  ['broadcaster', 'NPR'],
  ['broadcaster', 'Al Jazeera'],
  ['broadcaster', 'Sky News'],
  ['broadcaster', 'CBS News', 'CBS'],
  ['broadcaster', 'NBC News', 'NBC'],
  ['broadcaster', 'ABC News', 'ABC'],
  ['broadcaster', 'Fox News'],
  ['broadcaster', 'PBS'],
  ['broadcaster', 'Deutsche Welle', 'DW'],
  ['broadcaster', 'France 24'],
  ['broadcaster', 'CBC', 'CBC News'],
  ['broadcaster', 'ITV', 'ITV News'],
  ['international_org', 'United Nations', 'UN', 'the UN', 'the United Nations'],
  ['international_org', 'World Health Organization', 'WHO', 'the WHO', 'World Health Organisation'],
  ['international_org', 'World Bank', 'the World Bank'],
  ['international_org', 'International Monetary Fund', 'IMF', 'the IMF'],
  ['international_org', 'NATO', 'Nato'],
  ['international_org', 'European Union', 'EU', 'the EU'],
  ['international_org', 'European Commission', 'the European Commission', 'the Commission'],
  ['international_org', 'OECD', 'the OECD'],
  ['international_org', 'World Trade Organization', 'WTO', 'the WTO'],
  ['international_org', 'UNICEF', 'Unicef'],
  ['international_org', 'UNHCR'],
  ['ngo', 'Amnesty International', 'Amnesty'],
  ['ngo', 'Human Rights Watch', 'HRW'],
  ['ngo', 'Greenpeace'],
  ['ngo', 'Oxfam'],
  ['ngo', 'Médecins Sans Frontières', 'MSF', 'Doctors Without Borders'],
  ['ngo', 'Save the Children'],
  ['ngo', 'Transparency International'],
]

const normal = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

const BY_ALIAS = new Map<string, CanonicalSource>()
for (const [kind, name, ...aliases] of KNOWN) {
  for (const alias of [name, ...aliases]) BY_ALIAS.set(normal(alias), { name, kind })
}

/** Kinds that the words of a name make obvious. Order matters: the first match wins. */
const PATTERNS: [RegExp, SourceKind][] = [
  [/\b(news agency|press agency|presse-agentur)\b/i, 'news_agency'],
  [
    /\b(university|universit[éy]|college|polytechnic|institute of technology|school of)\b/i,
    'academic',
  ],
  [
    /\b(ministry|ministers?|department of|government|police|parliament|white house|downing street|treasury|home office|foreign office|city council|county council|senate|congress|bundestag)\b/i,
    'government',
  ],
  [/\b(inc|ltd|llc|plc|gmbh|corp|corporation|company|co)\.?$/i, 'company'],
  [
    /\b(times|post|journal|herald|tribune|gazette|chronicle|courier|inquirer|zeitung|daily)\b/i,
    'newspaper',
  ],
  [/\bmagazine\b/i, 'magazine'],
  [/\b(radio|television|tv|broadcasting)\b/i, 'broadcaster'],
]

/** Titles before a name: "Prime Minister Jane Doe" is the person Jane Doe. */
const TITLES =
  /^(?:(?:President|Prime Minister|Deputy Prime Minister|Foreign Minister|Finance Minister|Minister|Senator|Sen\.|Rep\.|Representative|Congressman|Congresswoman|Dr\.?|Doctor|Professor|Prof\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Sir|Dame|Lord|Lady|Chancellor|Mayor|Governor|Gov\.|Judge|Justice|General|Gen\.|Colonel|Col\.|Captain|Capt\.|Secretary|Commissioner|Ambassador|Chief Executive|CEO|Chairman|Chairwoman|Chair|Director|Pope|King|Queen|Prince|Princess|Bishop|Rabbi|Imam|Father|Sister|Coach|Officer|Detective|Sergeant|Inspector)\s+)+/

const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’-]*\.?$/u
/** Lowercase words inside personal names: "Ursula von der Leyen", "Lula da Silva". */
export const NAME_PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'du',
  'la',
  'le',
  'al',
  'bin',
  'ibn',
  'el',
  'di',
  'dos',
  'das',
])

/** Two to four capitalised words (particles allowed inside): the shape of a person's name. */
const looksLikePersonName = (name: string): boolean => {
  const words = name.split(/\s+/)
  if (words.length < 2 || words.length > 4) return false
  return words.every(
    (word, index) =>
      NAME_WORD.test(word) || (index > 0 && index < words.length - 1 && NAME_PARTICLES.has(word)),
  )
}

/** "an economist at Acme", "the city's mayor": words a post uses for a person, not an organisation. */
const describesPerson = (descriptor: string | undefined): boolean =>
  Boolean(descriptor) &&
  /^(?:a|an|the|his|her|their|its)\s/i.test(descriptor!) &&
  !/\b(company|firm|group|organi[sz]ation|agency|newspaper|paper|magazine|broadcaster|charity|union|party|bank|ministry|department|website|site|blog)\b/i.test(
    descriptor!,
  )

/**
 * The canonical name and kind of a source as written in a post ("the Guardian", "AP",
 * "Prime Minister Jane Doe"), or undefined when nothing nameable is left. A person is recognised
 * by a title ("Dr.", "Mayor") or by a person-shaped name described as one ("Jane Doe, an economist").
 */
export function canonicalSource(written: string, descriptor?: string): CanonicalSource | undefined {
  const cleaned = written
    .replace(/^[\s—–―~-]+/, '')
    .replace(/[\s.,;:!?)"”’]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!cleaned) return undefined
  const known = BY_ALIAS.get(normal(cleaned))
  if (known) return known

  const untitled = cleaned.replace(TITLES, '')
  const titled = untitled !== cleaned && untitled.length > 0
  const bare = (titled ? untitled : cleaned).slice(0, 200)
  if (!bare || !/\p{L}/u.test(bare)) return undefined
  const byWords = PATTERNS.find(([pattern]) => pattern.test(bare))?.[1]
  // "The" belongs to a paper's name ("The Daily Bugle"), not to "the Ministry of Health".
  const name =
    byWords === 'newspaper' || byWords === 'magazine'
      ? bare.replace(/^the\s+/i, 'The ')
      : bare.replace(/^the\s+/i, '')
  if (byWords) return { name, kind: byWords }
  if (titled || (looksLikePersonName(name) && describesPerson(descriptor)))
    return { name, kind: 'person' }
  return { name, kind: 'other' }
}
