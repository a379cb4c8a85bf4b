import type { Provider, Type } from '@nestjs/common';
import type { ServicePersistenceOptions } from '@civicflow/persistence';

/**
 * One part of the complaints service (intake, taxonomy, merchants, ...): what it adds to
 * the service's data source and to its Nest module. ComplaintsModule gathers the areas, so
 * that a part is added by one line there.
 */
export interface ComplaintsArea {
  entities?: ServicePersistenceOptions['entities'];
  migrations?: Extract<ServicePersistenceOptions['migrations'], unknown[]>;
  controllers?: Type[];
  providers?: Provider[];
}
