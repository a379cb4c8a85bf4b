import type { Provider, Type } from '@nestjs/common';
import type { MixedList } from 'typeorm';

/**
 * One part of the complaints service (intake, taxonomy, merchants, ...): what it adds to
 * the service's data source and to its Nest module. ComplaintsModule gathers the areas, so
 * that a part is added by one line there.
 */
export interface ComplaintsArea {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes as Function
  entities?: Function[];
  migrations?: MixedList<Function>;
  controllers?: Type[];
  providers?: Provider[];
}
