import type { ComplaintsArea } from '../complaints-area';
import { ForumDesk } from './forum-desk';
import { ForumsHttpController } from './forums.http.controller';
import { ActionItemMerchantEntity, ActionItemRequestEntity, ForumActionItemEntity, ForumEntity, ForumInvitationEntity } from './infrastructure/forum.entity';
import { MyForumsHttpController } from './my-forums.http.controller';

/** Forums with merchants (座谈会). Needs the merchants area, whose migration creates its tables. */
export const forumsArea: ComplaintsArea = {
  entities: [ForumEntity, ForumInvitationEntity, ForumActionItemEntity, ActionItemMerchantEntity, ActionItemRequestEntity],
  controllers: [ForumsHttpController, MyForumsHttpController],
  providers: [ForumDesk],
};
