import type { RequestHandler } from 'express'
import type { PayloadRequest } from 'payload'

/**
 * The client's IP as the server saw it, handed to Payload as a request header. The server sets it
 * on every request, overwriting whatever a client sent, so it cannot be spoofed; it is the socket's
 * peer, or the X-Forwarded-For client when TRUST_PROXY names the proxies in front (express req.ip).
 */
export const CLIENT_IP_HEADER = 'x-newsroom-client-ip'

export const stampClientIp: RequestHandler = (req, _res, next) => {
  req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? ''
  next()
}

/** Empty for Local API calls, which have no client. */
export const clientIpOf = (req: PayloadRequest): string => req.headers?.get(CLIENT_IP_HEADER) ?? ''
