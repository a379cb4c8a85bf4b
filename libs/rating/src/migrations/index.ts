import { messagingTablesMigration } from '@civicflow/messaging';
import { CreateCriterion1795628630000 } from './create-criterion.migration';

/** In the order they run; the timestamps in the class names must keep that order. */
export const ratingMigrations = [messagingTablesMigration('rating'), CreateCriterion1795628630000];
