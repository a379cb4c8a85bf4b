import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxPublisher } from './outbox/outbox.publisher';
import { OutboxRelay } from './outbox/outbox.relay';

export interface RegisteredService {
  service: string;
  schema: string;
  dataSource: DataSource;
  outbox: OutboxPublisher;
  relay: OutboxRelay;
}

/**
 * The services hosted by this process (one in a service host, all in the platform), so
 * that a consumer group named `<service>.<purpose>` finds the database its inbox lives in.
 */
@Injectable()
export class MessagingServiceRegistry {
  private readonly services = new Map<string, RegisteredService>();

  register(entry: RegisteredService): void {
    if (this.services.has(entry.service)) throw new Error(`service "${entry.service}" is registered twice`);
    this.services.set(entry.service, entry);
  }

  forGroup(group: string): RegisteredService {
    const service = group.split('.')[0];
    const entry = this.services.get(service);
    if (!entry) {
      throw new Error(`consumer group "${group}" must be named <service>.<purpose> after a service hosted here (${[...this.services.keys()].join(', ')})`);
    }
    return entry;
  }

  all(): RegisteredService[] {
    return [...this.services.values()];
  }
}
