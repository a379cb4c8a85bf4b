import type { ComplaintsArea } from '../complaints-area';
import { Open311Keys1764340000000 } from '../migrations/1764340000000-open311-keys';
import { Open311ApiKeyEntity } from './open311-api-key.entity';
import { Open311ApiKeys } from './open311-api-keys';
import { Open311KeysHttpController } from './open311-keys.http.controller';
import { Open311TransportErrors } from './open311-transport-errors';
import { Open311HttpController } from './open311.http.controller';
import { ServiceRequestsReader } from './service-requests.reader';

/** Open311 GeoReport v2 at /open311/v2, and the admin API of its keys. */
export const open311Area: ComplaintsArea = {
  entities: [Open311ApiKeyEntity],
  migrations: [Open311Keys1764340000000],
  controllers: [Open311HttpController, Open311KeysHttpController],
  providers: [Open311ApiKeys, ServiceRequestsReader, Open311TransportErrors],
};
