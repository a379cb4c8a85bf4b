import { maskEmail, maskPhone } from '@civicflow/domain';
import type { ChannelKind } from '../channels/notification-channel';

/** The recipient as records and events show it: always with a `*`, never whole. */
export function maskAddress(channel: ChannelKind, address: string): string {
  switch (channel) {
    case 'email':
      return maskEmail(address);
    case 'sms':
      return maskPhone(address);
    case 'in-app':
      return `user:${Array.from(address).slice(0, 2).join('')}***`;
    case 'webhook':
      return `webhook:${Array.from(address).slice(0, 4).join('')}***`;
  }
}
