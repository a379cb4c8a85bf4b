import { Type } from '@sinclair/typebox';

export const notificationVariables = {
  SMTP_URL: Type.String({
    pattern: '^smtps?://',
    default: 'smtp://127.0.0.1:2525',
    description: 'SMTP server for outgoing e-mail, smtp://user:pass@host:port (smtps:// for TLS).',
  }),
  SMTP_MAX_CONNECTIONS: Type.Integer({
    minimum: 1,
    maximum: 200,
    default: 32,
    description: 'SMTP connections one replica keeps open; each carries one message at a time, so this bounds e-mails in flight (bench:email: 16 gave about 150/s, 48 kept up with 250/s).',
  }),
  MAIL_FROM: Type.String({ minLength: 3, default: 'CivicFlow <no-reply@civicflow.local>', description: 'From address of outgoing e-mail.' }),
  MAIL_REPLY_TO: Type.String({
    minLength: 3,
    default: 'complaints@civicflow.local',
    description: "Reply-To of outgoing e-mail: the bureau's complaint mailbox, so that a reporter's reply reaches the mail intake and joins the complaint.",
  }),
  PUBLIC_BASE_URL: Type.String({
    pattern: '^https?://',
    default: 'http://localhost:3000',
    description: 'Base URL the public reaches the platform at; used in links in messages.',
  }),
  SMS_GATEWAY_URL: Type.String({
    pattern: '^$|^https?://',
    default: '',
    description: 'HTTP endpoint of the SMS gateway; each message is POSTed there as JSON. Empty: SMS deliveries fail as not configured.',
  }),
  SMS_GATEWAY_TOKEN: Type.String({ default: '', description: 'Bearer token sent to the SMS gateway.' }),
  SMS_MAX_SEGMENTS: Type.Integer({
    minimum: 1,
    maximum: 10,
    default: 3,
    description: 'Most SMS segments one message may take (GSM-7: 160 chars alone, 153 a part; UCS-2 e.g. Chinese: 70 alone, 67 a part); longer text is cut and ends with "…".',
  }),
  CHANNEL_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 10_000, description: 'How long an SMS gateway or webhook call may take before it counts as a retryable failure.' }),
  DELIVERY_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 50, default: 5, description: 'Attempts per delivery before it is marked failed.' }),
  DELIVERY_RETRY_BASE_MS: Type.Integer({
    minimum: 1,
    default: 30_000,
    description: 'Delay before the first retry; doubled at each further attempt, with jitter (50–100 % of the delay).',
  }),
  DELIVERY_RETRY_MAX_MS: Type.Integer({ minimum: 1, default: 3_600_000, description: 'Longest delay between two attempts.' }),
  DELIVERY_POLL_INTERVAL_MS: Type.Integer({ minimum: 10, default: 200, description: 'How often an idle dispatcher looks for due deliveries (a busy one goes on at once); bounds the added latency of every message.' }),
  DELIVERY_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 1000, default: 50, description: 'Deliveries claimed per channel per poll.' }),
  DELIVERY_CLAIM_LEASE_MS: Type.Integer({
    minimum: 1000,
    default: 300_000,
    description:
      'How long a replica holds the deliveries it claimed; those of a replica that died mid-send are retried after it (at least once: a message the channel took just before the crash goes again, with the same Message-ID / delivery id). Longer than the slowest send.',
  }),
  RATE_LIMIT_EMAIL_PER_SECOND: Type.Number({ exclusiveMinimum: 0, default: 200, description: 'E-mails sent per second at most by one replica (token bucket).' }),
  RATE_LIMIT_SMS_PER_SECOND: Type.Number({ exclusiveMinimum: 0, default: 20, description: 'SMS sent per second at most by one replica (token bucket).' }),
  RATE_LIMIT_WEBHOOK_PER_SECOND: Type.Number({ exclusiveMinimum: 0, default: 50, description: 'Webhook calls per second at most by one replica (token bucket).' }),
  RATE_LIMIT_IN_APP_PER_SECOND: Type.Number({ exclusiveMinimum: 0, default: 500, description: 'In-app messages stored per second at most by one replica (token bucket).' }),
  CONTACT_RETENTION_DAYS: Type.Integer({
    minimum: 1,
    maximum: 3650,
    default: 30,
    description: "Days a reporter's contact details and the text of sent messages are kept after the last notice (the satisfaction survey); then erased.",
  }),
  CONTACT_MAX_RETENTION_DAYS: Type.Integer({
    minimum: 1,
    maximum: 3650,
    default: 365,
    description: 'Days after the acknowledgement at most that a reporter\'s contact details are kept, for a complaint that never closed.',
  }),
};

export const mailSinkVariables = {
  MAIL_SINK_ENABLED: Type.Boolean({
    default: false,
    description: 'Run a local SMTP sink in the process and show its mail at GET /dev/mail (development only; on by default in npm start).',
  }),
  MAIL_SINK_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 2525, description: 'Port of the local SMTP sink on 127.0.0.1.' }),
};

export interface NotificationConfig {
  SMTP_URL: string;
  SMTP_MAX_CONNECTIONS: number;
  MAIL_FROM: string;
  MAIL_REPLY_TO: string;
  PUBLIC_BASE_URL: string;
}

export interface DeliveryConfig {
  SMS_GATEWAY_URL: string;
  SMS_GATEWAY_TOKEN: string;
  SMS_MAX_SEGMENTS: number;
  CHANNEL_TIMEOUT_MS: number;
  DELIVERY_MAX_ATTEMPTS: number;
  DELIVERY_RETRY_BASE_MS: number;
  DELIVERY_RETRY_MAX_MS: number;
  DELIVERY_POLL_INTERVAL_MS: number;
  DELIVERY_BATCH_SIZE: number;
  DELIVERY_CLAIM_LEASE_MS: number;
  RATE_LIMIT_EMAIL_PER_SECOND: number;
  RATE_LIMIT_SMS_PER_SECOND: number;
  RATE_LIMIT_WEBHOOK_PER_SECOND: number;
  RATE_LIMIT_IN_APP_PER_SECOND: number;
}

export interface RetentionConfig {
  CONTACT_RETENTION_DAYS: number;
  CONTACT_MAX_RETENTION_DAYS: number;
}

export interface MailSinkConfig {
  MAIL_SINK_ENABLED: boolean;
  MAIL_SINK_PORT: number;
  DATA_DIR: string;
  NODE_ENV: string;
}
