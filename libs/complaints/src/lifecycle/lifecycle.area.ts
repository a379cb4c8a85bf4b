import type { ComplaintsArea } from '../complaints-area';
import { RectificationNotices1764350000000 } from '../migrations/1764350000000-rectification-notices';
import { ComplaintQueueHttpController } from '../queries/complaint-queue.http.controller';
import { ComplaintStatisticsHttpController } from '../queries/complaint-statistics.http.controller';
import { ComplaintLifecycle } from './complaint-lifecycle.service';
import { DeadlineWatch } from './deadline-watch';
import { LifecycleHttpController } from './lifecycle.http.controller';
import { RatingPageHttpController } from './rating-page.http.controller';

/** The closed loop after intake, the staff queue and the bureau's figures. */
export const lifecycleArea: ComplaintsArea = {
  migrations: [RectificationNotices1764350000000],
  controllers: [LifecycleHttpController, RatingPageHttpController, ComplaintQueueHttpController, ComplaintStatisticsHttpController],
  providers: [ComplaintLifecycle, DeadlineWatch],
};
