import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { v7 as uuidv7 } from 'uuid';
import { CONFIG } from '@civicflow/config';
import { maskEmail } from '@civicflow/domain';
import type { ComplaintsConfig } from '../../complaints.config';
import { EmailIntake, type MailIntakeOutcome } from './email-intake.service';
import { MailRefusedError } from './intake-mail';

export type MailIntakeConfig = Pick<ComplaintsConfig, 'MAIL_INTAKE_ENABLED' | 'MAIL_INTAKE_HOST' | 'MAIL_INTAKE_PORT' | 'MAIL_INTAKE_ADDRESSES' | 'MAIL_INTAKE_MAX_BYTES'> & {
  SHUTDOWN_GRACE_MS: number;
};

// Each message is held in memory until it is stored: this bounds the memory the intake can
// take (20 × MAIL_INTAKE_MAX_BYTES); further clients are told to come back later.
const MAX_CLIENTS = 20;

type SmtpError = Error & { responseCode: number };

function smtpError(responseCode: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The bureau's complaint mailbox: an SMTP server (smtp-server) that takes mail for the
 * configured addresses only, refuses what is too large, spam or malformed with a 5xx that
 * the sending server bounces to its sender, and answers 250 only once the complaint is
 * stored. A failure to store is answered 451, so the sending server retries. No TLS and no
 * AUTH: it sits behind the bureau's mail relay, which faces the Internet.
 */
@Injectable()
export class MailIntakeListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('MailIntake');
  private readonly mailboxes: Set<string>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private server?: SMTPServer;
  private boundPort?: number;

  constructor(
    @Inject(CONFIG) private readonly config: MailIntakeConfig,
    private readonly intake: EmailIntake,
  ) {
    this.mailboxes = new Set(
      config.MAIL_INTAKE_ADDRESSES.split(',')
        .map((address) => address.trim().toLowerCase())
        .filter(Boolean),
    );
  }

  /** The port the listener is bound to (MAIL_INTAKE_PORT=0 takes a free one); undefined while it is off. */
  get port(): number | undefined {
    return this.boundPort;
  }

  // After every module is initialised: mail is taken only once it can be stored.
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.MAIL_INTAKE_ENABLED) return;
    const server = new SMTPServer({
      banner: 'CivicFlow complaint mailbox',
      size: this.config.MAIL_INTAKE_MAX_BYTES,
      rejectOversized: true,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      maxClients: MAX_CLIENTS,
      closeTimeout: Math.max(1000, Math.floor(this.config.SHUTDOWN_GRACE_MS / 2)),
      logger: false,
      onRcptTo: (address, session, callback) => {
        if (this.mailboxes.has(address.address.trim().toLowerCase())) return callback();
        this.logRefusal('unknown_recipient', session);
        callback(smtpError(550, `no such mailbox here: ${address.address}`));
      },
      onData: (stream, session, callback) => this.onData(stream, session, callback),
    });
    server.on('error', (error) => this.log.error(`mail intake error: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.config.MAIL_INTAKE_PORT, this.config.MAIL_INTAKE_HOST, () => resolve());
    });
    this.server = server;
    this.boundPort = (server.server.address() as { port: number }).port;
    this.log.log(`mail intake on smtp://${this.config.MAIL_INTAKE_HOST}:${this.boundPort} for ${[...this.mailboxes].join(', ')}`);
  }

  // Before the data source closes: stop taking mail, then let the messages in hand commit.
  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.boundPort = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.allSettled([...this.inFlight]);
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void): void {
    let chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      // Past the limit the message is refused whole: stop holding it.
      if (stream.sizeExceeded) chunks = [];
      else chunks.push(chunk);
    });
    stream.on('end', () => {
      if (stream.sizeExceeded) {
        this.logRefusal('too_large', session);
        callback(smtpError(552, `message over the limit of ${this.config.MAIL_INTAKE_MAX_BYTES} bytes`));
        return;
      }
      const work = this.intake.receive(Buffer.concat(chunks), uuidv7()).then(
        (outcome) => callback(null, acceptance(outcome)),
        (error: unknown) => callback(this.answerTo(error, session)),
      );
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    });
  }

  private answerTo(error: unknown, session: SMTPServerSession): SmtpError {
    if (error instanceof MailRefusedError) {
      this.logRefusal(error.reason, session);
      return smtpError(error.responseCode, error.message);
    }
    // Only the error's kind: a database error's message can quote the values it refused.
    const kind = error instanceof Error ? `${error.name}${(error as { code?: string }).code ? ` ${(error as { code?: string }).code}` : ''}` : typeof error;
    this.log.error(`mail from ${senderOf(session)} not stored (${kind}); the sending server was asked to retry`);
    return smtpError(451, 'temporary failure, try again later');
  }

  private logRefusal(reason: string, session: SMTPServerSession): void {
    this.log.warn(`mail refused (${reason}) from ${senderOf(session)}`);
  }
}

function senderOf(session: SMTPServerSession): string {
  const from = session.envelope.mailFrom;
  return from && from.address ? maskEmail(from.address) : '<>';
}

function acceptance(outcome: MailIntakeOutcome): string {
  switch (outcome.kind) {
    case 'created':
      return `OK: received as ${outcome.trackingCode}`;
    // No code for replies and repeats: whoever can forge a From or knows a Message-ID must not learn it here.
    case 'replied':
      return 'OK: added to your complaint';
    case 'duplicate':
      return 'OK: already received';
  }
}
