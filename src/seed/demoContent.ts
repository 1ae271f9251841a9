/** Demo content written for this project: a small opinion desk and the bodies it quotes. */
import type { Role } from '../access/roles'
import type { ReviewState } from '../workflow'

export const DEMO_USERS: { email: string; name: string; roles: Role[] }[] = [
  { email: 'admin@example.com', name: 'Alex Admin', roles: ['admin'] },
  { email: 'publisher@example.com', name: 'Ingrid Halvorsen', roles: ['publisher'] },
  { email: 'editor@example.com', name: 'Tomás Reyes', roles: ['editor'] },
  { email: 'contributor@example.com', name: 'Maya Okafor', roles: ['contributor'] },
]

export const DEMO_AUTHORS = [
  {
    name: 'Maya Okafor',
    user: 'contributor@example.com',
    bio: 'Writes on cities, transport and the people who keep them running.',
  },
  {
    name: 'Tomás Reyes',
    user: 'editor@example.com',
    bio: 'Opinion editor. Previously a courts reporter.',
  },
  {
    name: 'Ingrid Halvorsen',
    user: 'publisher@example.com',
    bio: 'Publisher and occasional columnist on media economics.',
  },
  { name: 'Sam Whitfield', bio: 'Guest columnist on energy and climate policy.' },
]

export const DEMO_SOURCES = [
  { name: 'Meridian Press Agency', kind: 'news_agency', url: 'https://meridian-press.example' },
  { name: 'The Harbour Gazette', kind: 'newspaper', url: 'https://harbour-gazette.example' },
  { name: 'Northern Review', kind: 'magazine', url: 'https://northern-review.example' },
  { name: 'Ministry of Transport', kind: 'government', url: 'https://transport.gov.example' },
  { name: 'Clean Rivers Trust', kind: 'ngo', url: 'https://cleanrivers.example' },
  { name: 'Dr Lena Marsh, Halden University', kind: 'academic' },
] as const

type Quote = { quote: string; source: (typeof DEMO_SOURCES)[number]['name'] }
export type DemoArticle = {
  title: string
  dek: string
  authors: string[]
  tags: string[]
  /** Where the demo leaves it (never "unpublished": the demo shows each state reached forwards). */
  state: Exclude<ReviewState, 'unpublished'>
  daysAgo: number
  body: (string | Quote)[]
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: 'The night bus is a public service, not a luxury',
    dek: 'Cutting late routes saves little and strands the people a city depends on most.',
    authors: ['Maya Okafor'],
    tags: ['transport', 'cities'],
    state: 'published',
    daysAgo: 1,
    body: [
      'Every city that trims its night network makes the same argument: the buses run half empty after midnight.',
      {
        quote: 'Ridership on routes after 1 a.m. fell by a third over five years.',
        source: 'Ministry of Transport',
      },
      'Half empty is not the same as unneeded. The riders are cleaners, nurses and bakers whose shifts do not end at six.',
      {
        quote: 'For many night workers there is simply no second option.',
        source: 'The Harbour Gazette',
      },
    ],
  },
  {
    title: 'What the river data actually says',
    dek: 'Two years of samples tell a more hopeful story than the headlines, and a harder one.',
    authors: ['Sam Whitfield'],
    tags: ['environment', 'data'],
    state: 'published',
    daysAgo: 3,
    body: [
      'The monitoring stations along the estuary now publish hourly readings, and they are worth reading.',
      {
        quote: 'Oxygen levels at four of six stations improved in every summer month.',
        source: 'Clean Rivers Trust',
      },
      'The improvement is real, but it is concentrated downstream of the one treatment plant that was upgraded.',
    ],
  },
  {
    title: 'Local news needs readers who pay, not just readers who click',
    dek: 'A publisher on the arithmetic of a small newsroom.',
    authors: ['Ingrid Halvorsen'],
    tags: ['media'],
    state: 'published',
    daysAgo: 6,
    body: [
      'Advertising paid for local journalism for a century. It no longer does, and it will not again.',
      {
        quote:
          'Subscription revenue overtook advertising at regional titles for the first time last year.',
        source: 'Northern Review',
      },
      'That is good news only if enough people subscribe.',
    ],
  },
  {
    title: 'Courts are slower, and it is not the judges',
    dek: 'The backlog is a staffing problem that budgets keep pretending is a productivity problem.',
    authors: ['Tomás Reyes'],
    tags: ['justice'],
    state: 'published',
    daysAgo: 9,
    body: [
      'Hearings are adjourned every week because a clerk or an interpreter is missing.',
      {
        quote: 'Listing delays account for most of the growth in waiting times.',
        source: 'Meridian Press Agency',
      },
    ],
  },
  {
    title: 'Heat pumps in old houses: what works',
    dek: 'A guest column on retrofits that do not need a new house around them.',
    authors: ['Sam Whitfield', 'Maya Okafor'],
    tags: ['energy', 'housing'],
    state: 'published',
    daysAgo: 12,
    body: [
      'The objection that heat pumps only suit new builds is out of date.',
      {
        quote:
          'Most pre-war homes we surveyed reached comfort temperatures after modest insulation work.',
        source: 'Dr Lena Marsh, Halden University',
      },
    ],
  },
  {
    title: 'Bike lanes and the shopkeepers who feared them',
    dek: 'A follow-up on the high street, a year after the lanes went in.',
    authors: ['Maya Okafor'],
    tags: ['transport', 'cities'],
    state: 'in_review',
    daysAgo: 0,
    body: [
      'A year ago the traders on Mill Street predicted ruin.',
      {
        quote: 'Footfall on the street is up eight per cent on the year.',
        source: 'The Harbour Gazette',
      },
    ],
  },
  {
    title: 'The ferry timetable nobody can read',
    dek: 'Public information should be designed for the public.',
    authors: ['Maya Okafor'],
    tags: ['transport'],
    state: 'changes_requested',
    daysAgo: 0,
    body: ['Timetables are a promise in tabular form. This one breaks it on every page.'],
  },
  {
    title: 'Why we will publish fewer, longer pieces',
    dek: 'A note from the publisher on what changes next month.',
    authors: ['Ingrid Halvorsen'],
    tags: ['media', 'about-us'],
    state: 'approved',
    daysAgo: 0,
    body: [
      'We are changing how often we publish, and why.',
      {
        quote: 'Readers spend twice as long on explanatory pieces as on news briefs.',
        source: 'Northern Review',
      },
    ],
  },
]

/** More pieces in the remaining states: a plain draft and a scheduled one. */
DEMO_ARTICLES.push(
  {
    title: 'Notes towards a column on allotments',
    dek: '',
    authors: ['Maya Okafor'],
    tags: ['cities'],
    state: 'draft',
    daysAgo: 0,
    body: ['Waiting lists for allotments are longer than for some flats.'],
  },
  {
    title: 'What the spring budget should do for buses',
    dek: 'Three changes that cost little and would be felt on every route.',
    authors: ['Tomás Reyes'],
    tags: ['transport', 'budget'],
    state: 'scheduled',
    daysAgo: 0,
    body: [
      'The budget will be judged on big numbers. Passengers will judge it on small ones.',
      {
        quote: 'Fare caps will be reviewed ahead of the spring statement.',
        source: 'Ministry of Transport',
      },
    ],
  },
)

/** Comments on the first published article, one in every moderation status, and a reply. */
export const DEMO_COMMENTS = [
  {
    authorName: 'Priya',
    authorEmail: 'priya@example.org',
    body: 'I rely on the N3 every night after my shift. Thank you for writing this.',
    status: 'approved',
  },
  {
    authorName: 'Jon',
    authorEmail: 'jon@example.org',
    body: 'Would be good to see the cost per rider compared with daytime routes.',
    status: 'pending',
  },
  {
    authorName: 'Anonymous',
    authorEmail: 'x@example.org',
    body: 'This is off topic and rude.',
    status: 'rejected',
  },
  {
    authorName: 'Cheap Pills',
    authorEmail: 'spam@example.org',
    body: 'Buy now at example.invalid',
    status: 'spam',
  },
] as const
