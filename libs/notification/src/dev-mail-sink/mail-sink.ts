import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  id: string;
  receivedAt: string;
  from: string;
  replyTo: string;
  to: string[];
  subject: string;
  text: string;
  file: string;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const DEFAULT_KEPT_IN_MEMORY = 500;

/**
 * A local SMTP server that keeps what it receives: in memory for GET /dev/mail and as
 * .eml files in a folder. It lets `npm start` show a real acknowledgement e-mail, sent over
 * real SMTP, without an outside mail server.
 */
export class MailSink {
  private server?: SMTPServer;
  private readonly messages: CapturedMail[] = [];
  private sequence = 0;

  /** Every message received since start, including those no longer kept in memory. */
  received = 0;

  constructor(
    private readonly folder: string,
    private readonly keptInMemory = DEFAULT_KEPT_IN_MEMORY,
  ) {}

  async start(port: number, host = '127.0.0.1'): Promise<number> {
    mkdirSync(this.folder, { recursive: true });
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
            callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
            return;
          }
          this.store(Buffer.concat(chunks)).then(() => callback(), callback);
        });
      },
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
    return address.port;
  }

  list(): CapturedMail[] {
    return [...this.messages].reverse();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async store(raw: Buffer): Promise<void> {
    const parsed = await simpleParser(raw);
    const receivedAt = new Date().toISOString();
    const id = `${receivedAt.replace(/[:.]/g, '-')}-${++this.sequence}`;
    const file = join(this.folder, `${id}.eml`);
    writeFileSync(file, raw);
    const to = Array.isArray(parsed.to) ? parsed.to.flatMap((a) => a.value) : (parsed.to?.value ?? []);
    this.messages.push({
      id,
      receivedAt,
      from: parsed.from?.text ?? '',
      replyTo: parsed.replyTo?.text ?? '',
      to: to.map((address) => address.address ?? ''),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      file,
    });
    this.received += 1;
    if (this.messages.length > this.keptInMemory) this.messages.shift();
  }
}
