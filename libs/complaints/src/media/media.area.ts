import type { ComplaintsArea } from '../complaints-area';
import { MediaAndMailThreads1764330000000 } from '../migrations/1764330000000-media-and-mail-threads';
import { ComplaintMediaHttpController } from './http/complaint-media.http.controller';
import { MultipartSupport } from './http/multipart-support';
import { MediaEntity } from './media.entity';
import { MediaStore } from './media-store.service';

/** Photos and videos of complaints, from every channel. The migration also creates the mail thread table of the e-mail intake. */
export const mediaArea: ComplaintsArea = {
  entities: [MediaEntity],
  migrations: [MediaAndMailThreads1764330000000],
  controllers: [ComplaintMediaHttpController],
  providers: [MediaStore, MultipartSupport],
};
