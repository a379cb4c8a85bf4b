import type { ComplaintsArea } from '../complaints-area';
import { CreateMerchantsAndForums1764320000000 } from '../migrations/1764320000000-create-merchants-and-forums';
import { MerchantRequestsHttpController } from './answer-requests/merchant-requests.http.controller';
import { MerchantEntity, MerchantRequestEntity } from './infrastructure/merchant.entity';
import { MerchantDirectoryHttpController } from './merchant-directory/merchant-directory.http.controller';
import { MerchantRegistry } from './merchant-registry';
import { MerchantRequestDesk } from './merchant-request-desk';
import { MyMerchantRequestsHttpController } from './my-requests/my-merchant-requests.http.controller';
import { MerchantProfileHttpController } from './register-merchant/merchant-profile.http.controller';

/** Merchants and vendors: their profiles and their requests and suggestions (诉求), tracked to an answer. */
export const merchantsArea: ComplaintsArea = {
  entities: [MerchantEntity, MerchantRequestEntity],
  // One migration for merchants and forums: forum action items and merchant requests reference each other.
  migrations: [CreateMerchantsAndForums1764320000000],
  controllers: [MerchantProfileHttpController, MyMerchantRequestsHttpController, MerchantDirectoryHttpController, MerchantRequestsHttpController],
  providers: [MerchantRegistry, MerchantRequestDesk],
};
