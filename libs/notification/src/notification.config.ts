import { Type } from '@sinclair/typebox';

export const notificationVariables = {
  SMTP_URL: Type.String({
    pattern: '^smtps?://',
    default: 'smtp://127.0.0.1:2525',
    description: 'SMTP server for outgoing e-mail, smtp://user:pass@host:port (smtps:// for TLS).',
  }),
  MAIL_FROM: Type.String({ minLength: 3, default: 'CivicFlow <no-reply@civicflow.local>', description: 'From address of outgoing e-mail.' }),
  PUBLIC_BASE_URL: Type.String({
    pattern: '^https?://',
    default: 'http://localhost:3000',
    description: 'Base URL the public reaches the platform at; used in links in messages.',
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
  MAIL_FROM: string;
  PUBLIC_BASE_URL: string;
}

export interface MailSinkConfig {
  MAIL_SINK_ENABLED: boolean;
  MAIL_SINK_PORT: number;
  DATA_DIR: string;
  NODE_ENV: string;
}
