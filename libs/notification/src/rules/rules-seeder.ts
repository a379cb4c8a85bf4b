import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { seedDefaultTemplates } from '../templates/templates';
import { seedDefaultRules } from './rules';

/**
 * Seeds at every start what the defaults in code gained since the migration ran (a rule
 * for a new event type, its templates); rows already there, changed by an admin or not,
 * are left alone. Templates first: a rule is only useful with its wording.
 */
@Injectable()
export class RulesSeeder implements OnApplicationBootstrap {
  constructor(@InjectDataSource('notification') private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await seedDefaultTemplates(manager);
      await seedDefaultRules(manager);
    });
  }
}
