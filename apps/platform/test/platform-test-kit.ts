import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';

/** A port free right now, for a server the platform starts itself (the development mail sink). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface SmsGateway {
  /** Where the SMS channel posts, for SMS_GATEWAY_URL. */
  url: string;
  /** Every text received, in order. */
  texts: Array<{ to: string; text: string }>;
  close(): Promise<void>;
}

/** The SMS provider's HTTP API as the SMS channel calls it: takes every text and answers `status(to)` (202 by default). */
export async function startSmsGateway(status: (to: string) => number = () => 202): Promise<SmsGateway> {
  const texts: SmsGateway['texts'] = [];
  const server = createHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const text = JSON.parse(body) as { to: string; text: string };
      texts.push(text);
      response.writeHead(status(text.to), { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/send`, texts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
