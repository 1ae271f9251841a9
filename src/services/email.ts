import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

import { emailFrom, smtp } from '../env'

/**
 * Email through nodemailer: SMTP when SMTP_HOST is set, otherwise each message is rendered and
 * logged instead of sent. (Payload's own nodemailer adapter is not yet released for this Payload
 * version; this is the same few lines.)
 */
export const emailAdapter = (): EmailAdapter => {
  const server = smtp()
  const { address, name } = emailFrom()
  const transport = server
    ? nodemailer.createTransport({
        host: server.host,
        port: server.port,
        secure: server.secure,
        auth: server.user ? { user: server.user, pass: server.pass } : undefined,
      })
    : nodemailer.createTransport({ jsonTransport: true })
  return ({ payload }) => ({
    name: server ? 'smtp' : 'log',
    defaultFromAddress: address,
    defaultFromName: name,
    sendEmail: async (message) => {
      const sent = await transport.sendMail({ from: `"${name}" <${address}>`, ...message })
      if (!server) payload.logger.info({ msg: `Email (not sent: no SMTP_HOST) to ${String(message.to)}: ${message.subject}` })
      return sent
    },
  })
}
