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
        // Well inside a job's lease (src/jobs/leases.ts): a hung SMTP server fails the attempt,
        // which is retried, instead of holding the job.
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      })
    : nodemailer.createTransport({ jsonTransport: true })
  return ({ payload }) => ({
    name: server ? 'smtp' : 'log',
    defaultFromAddress: address,
    defaultFromName: name,
    sendEmail: async (message) => {
      const sent = await transport.sendMail({ from: `"${name}" <${address}>`, ...message })
      if (!server)
        payload.logger.info({
          msg: `Email (not sent: no SMTP_HOST) to ${String(message.to)}: ${message.subject}`,
        })
      return sent
    },
  })
}
