import type { RequestHandler } from 'express'
import helmet, { type HelmetOptions } from 'helmet'

/**
 * The admin UI is Next.js served from this origin: Next inlines its bootstrap scripts and styles,
 * so those need 'unsafe-inline'; everything else comes from 'self' (images also as data: and blob:
 * URLs, e.g. upload previews). Nobody may frame the site (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'data:', 'blob:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'", "'unsafe-inline'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  workerSrc: ["'self'", 'blob:'],
  // Left to the TLS-terminating proxy: over plain http (the demo on a LAN address) it would break every asset.
  upgradeInsecureRequests: null,
}

/** The dev-only GraphQL playground page loads its code and fonts from CDNs. */
const PLAYGROUND_SOURCES = [
  'https://cdn.jsdelivr.net',
  'https://fonts.googleapis.com',
  'https://fonts.gstatic.com',
]

const options = (directives: typeof CONTENT_SECURITY_POLICY): HelmetOptions => ({
  contentSecurityPolicy: { useDefaults: false, directives },
  // Frontends on other origins show the images in <img> tags.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  // HSTS belongs to whoever terminates TLS; sent from here it would bind every subdomain too.
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
})

/** Security headers on every response: CSP, nosniff, Referrer-Policy, X-Frame-Options: DENY, … */
export function securityHeaders(): RequestHandler {
  const site = helmet(options(CONTENT_SECURITY_POLICY))
  const withCdns = (sources: string[]) => [...sources, ...PLAYGROUND_SOURCES]
  const { scriptSrc, styleSrc, fontSrc, imgSrc } = CONTENT_SECURITY_POLICY
  const playground = helmet(
    options({
      ...CONTENT_SECURITY_POLICY,
      scriptSrc: withCdns(scriptSrc),
      styleSrc: withCdns(styleSrc),
      fontSrc: withCdns(fontSrc),
      imgSrc: withCdns(imgSrc),
    }),
  )
  return (req, res, next) =>
    (req.path === '/api/graphql-playground' ? playground : site)(req, res, next)
}
