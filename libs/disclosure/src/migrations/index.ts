import { messagingTablesMigration } from '@civicflow/messaging';
import { CreatePublication1795628620000 } from './create-publication.migration';

/** In the order they run; the timestamps in the class names must keep that order. */
export const disclosureMigrations = [messagingTablesMigration('disclosure'), CreatePublication1795628620000];
