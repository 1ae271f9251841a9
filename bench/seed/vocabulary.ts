/** Word pools for the synthetic newsroom: a regional news and opinion site in invented places. */
import type { Source } from '../../src/payload-types'

/** The tag vocabulary (60 tags); each subject below carries a few of them. */
// prettier-ignore
export const TAGS = [
  'transport', 'cities', 'housing', 'energy', 'climate', 'environment', 'health', 'education', 'justice', 'media',
  'economy', 'budget', 'data', 'culture', 'science', 'technology', 'politics', 'elections', 'local-government',
  'europe', 'trade', 'labour', 'farming', 'food', 'water', 'rivers', 'policing', 'courts', 'immigration', 'welfare',
  'pensions', 'tax', 'banking', 'business', 'tourism', 'sport', 'arts', 'books', 'music', 'film', 'history', 'defence',
  'foreign-policy', 'public-health', 'mental-health', 'hospitals', 'schools', 'universities', 'research', 'ai',
  'privacy', 'internet', 'weather', 'coast', 'ports', 'rail', 'buses', 'cycling', 'roads', 'heritage',
] as const

/** What articles are about: a noun phrase and the tags it suggests. */
export const SUBJECTS: { name: string; tags: string[] }[] = [
  { name: 'the night bus', tags: ['transport', 'buses', 'cities'] },
  { name: 'the harbour tunnel', tags: ['transport', 'roads', 'ports'] },
  { name: 'rent controls', tags: ['housing', 'economy'] },
  { name: 'the school meals budget', tags: ['schools', 'budget', 'food'] },
  { name: 'the river clean-up', tags: ['rivers', 'environment', 'water'] },
  { name: 'the new rail timetable', tags: ['rail', 'transport'] },
  { name: 'the hospital merger', tags: ['hospitals', 'health'] },
  { name: 'local newspapers', tags: ['media', 'business'] },
  { name: 'the port expansion', tags: ['ports', 'trade', 'coast'] },
  { name: 'the library closures', tags: ['culture', 'books', 'local-government'] },
  { name: 'heat pumps', tags: ['energy', 'housing', 'climate'] },
  { name: 'the flood defences', tags: ['climate', 'coast', 'weather'] },
  { name: 'the tram extension', tags: ['transport', 'cities'] },
  { name: "the council's housing plan", tags: ['housing', 'local-government'] },
  { name: 'the water company', tags: ['water', 'business'] },
  { name: 'the carbon levy', tags: ['climate', 'tax', 'energy'] },
  { name: 'the farm subsidy reform', tags: ['farming', 'budget', 'europe'] },
  { name: 'the courts backlog', tags: ['courts', 'justice'] },
  { name: 'the youth centre', tags: ['cities', 'welfare'] },
  { name: 'the minimum wage rise', tags: ['labour', 'economy'] },
  { name: 'the cycle lanes on Mill Street', tags: ['cycling', 'cities', 'roads'] },
  { name: 'the pension age', tags: ['pensions', 'welfare', 'politics'] },
  { name: 'the regional airport', tags: ['transport', 'tourism', 'climate'] },
  { name: 'the mental health waiting list', tags: ['mental-health', 'health'] },
  { name: 'the university funding formula', tags: ['universities', 'budget', 'education'] },
  { name: 'facial recognition cameras', tags: ['policing', 'privacy', 'technology'] },
  { name: 'the broadband roll-out', tags: ['internet', 'technology'] },
  { name: 'the fishing quota deal', tags: ['trade', 'coast', 'europe'] },
  { name: 'the stadium sale', tags: ['sport', 'business'] },
  { name: 'the arts council cuts', tags: ['arts', 'budget', 'culture'] },
  { name: 'the election boundary review', tags: ['elections', 'politics'] },
  { name: 'the asylum hotels', tags: ['immigration', 'politics'] },
  { name: 'the care home inspections', tags: ['health', 'welfare'] },
  { name: 'the tourist tax', tags: ['tourism', 'tax', 'local-government'] },
  { name: 'the old mill redevelopment', tags: ['heritage', 'housing', 'history'] },
  { name: 'the algorithm that grades exams', tags: ['ai', 'schools', 'technology'] },
  { name: 'the vaccination drive', tags: ['public-health', 'health'] },
  { name: 'the defence contract', tags: ['defence', 'business'] },
  { name: 'the trade talks', tags: ['trade', 'foreign-policy'] },
  { name: 'the embassy row', tags: ['foreign-policy', 'politics'] },
  { name: 'the savings bank collapse', tags: ['banking', 'economy'] },
  { name: 'the film festival', tags: ['film', 'culture', 'tourism'] },
  { name: 'the concert hall', tags: ['music', 'arts', 'cities'] },
  { name: 'the storm warnings', tags: ['weather', 'climate'] },
  { name: 'the research council', tags: ['research', 'science', 'universities'] },
  { name: 'the police budget', tags: ['policing', 'budget'] },
  { name: 'the coastal path', tags: ['coast', 'tourism', 'environment'] },
  { name: 'the bus fare cap', tags: ['buses', 'transport', 'budget'] },
  { name: 'the data-sharing scheme', tags: ['data', 'privacy', 'health'] },
  { name: 'the museum archive', tags: ['history', 'heritage', 'culture'] },
]

// prettier-ignore
export const PLACES = [
  'Halden', 'Eastport', 'Marrow Bay', 'Kelby', 'the valley towns', 'Northwick', 'Ashford Green', 'Port Linnet',
  'Saltmarsh', 'Upper Brenn', 'the capital', 'Corran', 'Westmere', 'Dunmore', 'the islands', 'Fairhaven',
]

// prettier-ignore
export const GROUPS = [
  'night workers', 'renters', 'small farmers', 'commuters', 'pensioners', 'students', 'nurses', 'shop owners',
  'families', 'fishermen', 'teachers', 'carers', 'cyclists', 'bus drivers', 'young voters', 'landlords', 'patients',
  'parents', 'engineers', 'volunteers',
]

// prettier-ignore
export const CLAIMS = [
  'will not fix the problem', 'deserves a second look', 'is failing the people it was meant to help',
  'matters more than it seems', 'should be scrapped', 'needs a better plan', 'is working, for now',
  'was never about the money', 'is a test the city cannot afford to fail', 'has been oversold',
  'is quietly succeeding', 'will cost more than anyone admits',
]

// prettier-ignore
export const HEADINGS = [
  'What changed', 'The numbers', 'Who pays', 'What comes next', 'The objections', 'Lessons from elsewhere',
  'A closer look', 'The view from the street', 'What the officials say', 'Why it matters', 'The long view',
  'Where the money goes', 'The human cost', 'An unfinished argument',
]

// prettier-ignore
export const FIRST_NAMES = [
  'Maya', 'Tomás', 'Ingrid', 'Sam', 'Priya', 'Jon', 'Amara', 'Lukas', 'Fatima', 'Oren', 'Chloé', 'Kwame', 'Hana',
  'Mateo', 'Elif', 'Rowan', 'Aisling', 'Dmitri', 'Nadia', 'Felix', 'Yusuf', 'Greta', 'Ravi', 'Leila', 'Owen', 'Sofia',
  'Tariq', 'Beatrix', 'Kenji', 'Marta', 'Emeka', 'Signe', 'Callum', 'Zainab', 'Pavel', 'Ines', 'Declan', 'Mei',
  'Adaeze', 'Hugo', 'Noor', 'Bram', 'Aylin', 'Ciarán', 'Lucía', 'Anders', 'Wanjiru', 'Rafael', 'Keziah', 'Viktor',
  'Esther', 'Jonas', 'Paloma', 'Idris', 'Freya', 'Lorenzo', 'Saoirse', 'Arjun', 'Thea', 'Malik',
]

// prettier-ignore
export const LAST_NAMES = [
  'Okafor', 'Reyes', 'Halvorsen', 'Whitfield', 'Marsh', 'Lindqvist', 'Adeyemi', 'Novak', 'Brennan', 'Castillo',
  'Haddad', 'Kowalski', 'Nakamura', 'Osei', 'Petrov', 'Quinn', 'Rahman', 'Schneider', 'Tanaka', 'Underwood', 'Varga',
  'Walsh', 'Yilmaz', 'Zapata', 'Abbott', 'Bianchi', 'Chowdhury', 'Dlamini', 'Eriksen', 'Fitzgerald', 'Gallagher',
  'Horvat', 'Ivanova', 'Jensen', 'Kaur', 'Lopes', 'Mensah', 'Nilsson', "O'Connell", 'Pereira', 'Ramos', 'Sato',
  'Teixeira', 'Usman', 'Vidal', 'Weber', 'Xu', 'Young', 'Zielinski', 'Achebe', 'Borg', 'Costa', 'Duarte', 'Evans',
  'Fischer', 'Greco', 'Hughes', 'Ibrahim', 'Jovanović', 'Keller', 'Lambert', 'Moreau', 'Nowak', 'Olsen', 'Price',
  'Rossi', 'Singh', 'Thornton', 'Ueda', 'Vance', 'Wright', 'Aziz', 'Baptiste', 'Carver', 'Delgado', 'Engel', 'Farrell',
  'Gupta', 'Holt', 'Ismail',
]

// prettier-ignore
export const ROLES_QUOTED = [
  'a bus driver', 'a nurse', 'a shop owner', 'an economist', 'a councillor', 'a retired teacher', 'a union organiser',
  'a hydrologist', 'a parent of two', 'a tenant', 'a fisherman', 'a head teacher',
]

/** Words that vary a generated sentence: adjectives, verbs and nouns of public life. */
// prettier-ignore
export const ADJECTIVES = [
  'modest', 'uneven', 'overdue', 'ambitious', 'fragile', 'expensive', 'promising', 'stubborn', 'quiet', 'welcome',
  'costly', 'sensible', 'contested', 'patchy', 'lasting', 'urgent',
]
// prettier-ignore
export const NOUNS = [
  'budget', 'timetable', 'survey', 'consultation', 'report', 'pilot scheme', 'inquiry', 'waiting list', 'contract',
  'subsidy', 'audit', 'census', 'review', 'strategy', 'petition', 'forecast',
]
export const VERBS_PAST = [
  'doubled',
  'stalled',
  'improved',
  'slipped',
  'recovered',
  'fallen',
  'grown',
  'levelled off',
  'changed',
  'shrunk',
]
// prettier-ignore
export const OFFICIALS = [
  'the transport minister', 'the council leader', 'the chief executive', 'the regulator', 'the mayor',
  'the health board', 'the finance committee', 'an independent review', 'the ombudsman', 'the planning inspector',
]

// prettier-ignore
export const COMMENT_OPENERS = [
  'I have lived in {place} for twenty years and', 'As one of the {group} mentioned here,', 'Good piece.',
  'Thank you for writing this.', 'I disagree.', 'Interesting, but', 'This matches what I see every day:',
  'Not convinced.', 'Finally someone says it.', 'My family is affected by this, and',
  'Speaking as a former councillor,', 'One thing missing from the article:',
]
// prettier-ignore
export const COMMENT_CLAIMS = [
  '{subject} {claim}.', 'nobody asked the {group} what they need.', 'the {noun} was {adjective} from the start.',
  'the numbers for {place} look very different.', 'we heard the same promise about {subject} ten years ago.',
  'the real problem is the {noun}, not {subject}.', 'I would like to see the full {noun} published.',
  'it is the {group} who will pay for this in the end.',
]
// prettier-ignore
export const COMMENT_CLOSERS = [
  '', ' Keep reporting on it.', ' Please follow this up.', ' Who is accountable?', ' We deserve better.',
  ' Thanks to the author.', ' Looking forward to the next part.', ' See you at the council meeting.',
]

// prettier-ignore
export const BEATS = [
  'cities and transport', 'courts', 'health', 'energy and climate', 'schools', 'the economy', 'culture', 'politics',
  'the coast',
]

export type SourceKind = NonNullable<Source['kind']>

/** Source names by kind: `{town}`, `{person}`, `{surname}`, `{role}` slots and `{a|b}` alternatives. */
export const SOURCE_PATTERNS: [SourceKind, string][] = [
  [
    'news_agency',
    '{Meridian|Northstar|Harbour|Continental|Compass|Atlas} {Press Agency|News Service|Wire}',
  ],
  ['newspaper', 'The {town} {Gazette|Herald|Courier|Chronicle|Post|Observer}'],
  ['magazine', '{Northern|Civic|Coastal|Modern|Open|Common} {Review|Monthly|Quarterly|Affairs}'],
  ['broadcaster', '{town} {Radio|Television|Broadcasting}'],
  ['government', 'Ministry of {Transport|Health|Housing|Finance|Education|Justice|Energy}'],
  ['government', '{town} City Council'],
  ['government', 'Office for {National|Regional|Labour|Health} Statistics'],
  [
    'international_org',
    'International {Water|Transport|Labour|Fisheries|Energy|Health} {Council|Organisation|Forum}',
  ],
  [
    'ngo',
    '{Clean Rivers|Fair Rent|Open Data|Coastal|Safe Streets|Green Valley|Citizens Advice} {Trust|Foundation|Watch|Network}',
  ],
  ['academic', 'Dr {person}, {town} University'],
  ['company', '{surname} & Partners'],
  ['company', '{town} Water plc'],
  ['company', '{surname} Logistics'],
  ['person', '{person}, {role}'],
]
