import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CONFIG } from '@civicflow/config';
import type { ComplaintsConfig } from '../complaints.config';
import type { ComplaintChannel, ComplaintStatus } from '../domain/complaint';
import { FINISHED_STATUSES } from '../domain/lifecycle';
import { cleanFilename, type MediaType, sniffMediaType } from './domain/media-type';
import { formatBytes, MediaRefusedError } from './domain/media.errors';
import { MediaEntity } from './media.entity';

export interface MediaFile {
  filename?: string;
  /** What the sender declared; only quoted back when the bytes say otherwise. */
  contentType?: string;
  bytes: Buffer;
  channel: ComplaintChannel;
}

export interface StoredMedia {
  id: string;
  filename: string;
  contentType: MediaType;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}

export type MediaLimits = Pick<ComplaintsConfig, 'MEDIA_MAX_BYTES' | 'MEDIA_MAX_PER_COMPLAINT'>;

const ACCEPTED_DESCRIPTION = 'JPEG, PNG, WebP or HEIC photos and MP4 or QuickTime videos';

/**
 * Photos and videos of complaints, whatever the channel. Every file is checked here (size,
 * type by its bytes, how many the complaint has) so that the web upload and the mail intake
 * cannot disagree on what is accepted.
 */
@Injectable()
export class MediaStore {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    @Inject(CONFIG) readonly limits: MediaLimits,
  ) {}

  /**
   * Checks the file and stores it in the caller's transaction; throws MediaRefusedError
   * (naming the file and the reason) before writing anything. Locks the complaint's row, so
   * that concurrent uploads cannot together pass the per-complaint limit.
   */
  async attach(manager: EntityManager, complaintId: string, file: MediaFile): Promise<StoredMedia> {
    const filename = cleanFilename(file.filename);
    const contentType = this.checkFile(filename, file);
    const [complaint] = (await manager.query(`SELECT status FROM complaints.complaint WHERE id = $1 FOR UPDATE`, [complaintId])) as Array<{ status: ComplaintStatus }>;
    if (!complaint) throw new Error(`media for an unknown complaint ${complaintId}`);
    if (FINISHED_STATUSES.includes(complaint.status)) {
      throw new MediaRefusedError(filename, 'complaint_finished', `the complaint is ${complaint.status}; it takes no more files`);
    }
    const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM complaints.media WHERE complaint_id = $1`, [complaintId])) as Array<{ count: number }>;
    if (count >= this.limits.MEDIA_MAX_PER_COMPLAINT) {
      throw new MediaRefusedError(filename, 'too_many', `the complaint already has ${count} files, the most it may have`);
    }
    const stored: StoredMedia = {
      id: uuidv7(),
      filename,
      contentType,
      sizeBytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      createdAt: new Date(),
    };
    await manager.insert(MediaEntity, { ...stored, complaintId, bytes: file.bytes, channel: file.channel });
    await manager.query(`UPDATE complaints.complaint SET media_count = $2 WHERE id = $1`, [complaintId, count + 1]);
    return stored;
  }

  /** The complaint's files without their bytes, oldest first. */
  async list(complaintId: string): Promise<StoredMedia[]> {
    return (await this.dataSource.getRepository(MediaEntity).find({
      where: { complaintId },
      select: { id: true, filename: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    })) as StoredMedia[];
  }

  async read(complaintId: string, mediaId: string): Promise<(StoredMedia & { bytes: Buffer }) | undefined> {
    const media = await this.dataSource.getRepository(MediaEntity).findOne({
      where: { id: mediaId, complaintId },
      select: { id: true, filename: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true, bytes: true },
    });
    if (!media) return undefined;
    return { ...(media as StoredMedia), bytes: Buffer.from(media.bytes) };
  }

  private checkFile(filename: string, file: MediaFile): MediaType {
    if (file.bytes.length === 0) throw new MediaRefusedError(filename, 'empty', 'the file is empty');
    if (file.bytes.length > this.limits.MEDIA_MAX_BYTES) {
      throw new MediaRefusedError(filename, 'too_large', `${formatBytes(file.bytes.length)} is over the limit of ${formatBytes(this.limits.MEDIA_MAX_BYTES)} a file`);
    }
    const contentType = sniffMediaType(file.bytes);
    if (!contentType) {
      const declared = file.contentType ? ` (declared ${file.contentType})` : '';
      throw new MediaRefusedError(filename, 'unsupported_type', `the content${declared} is not one of ${ACCEPTED_DESCRIPTION}`);
    }
    return contentType;
  }
}
