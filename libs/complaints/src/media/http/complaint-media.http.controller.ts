import {
  BadRequestException,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Req,
  StreamableFile,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Public, Role, Roles } from '@civicflow/auth';
import { RateLimit } from '@civicflow/persistence';
import type { ComplaintStatus } from '../../domain/complaint';
import { FINISHED_STATUSES } from '../../domain/lifecycle';
import { isTrackingCode } from '../../domain/tracking-code';
import { ComplaintEntity, TimelineEntryEntity } from '../../infrastructure/complaint.entity';
import { cleanFilename } from '../domain/media-type';
import { formatBytes, MediaRefusedError } from '../domain/media.errors';
import { MediaStore, type StoredMedia } from '../media-store.service';

class MediaItemDto {
  @ApiProperty({ example: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e' })
  id: string;

  @ApiProperty({ example: 'image/jpeg', description: 'Read from the file itself, not from what the sender declared.' })
  contentType: string;

  @ApiProperty({ example: 482133 })
  sizeBytes: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'SHA-256 of the bytes, hex: proves which file was received.' })
  sha256: string;

  @ApiProperty({ example: '2026-11-25T08:00:00.000Z' })
  createdAt: string;
}

class MediaListDto {
  @ApiProperty({ type: [MediaItemDto] })
  items: MediaItemDto[];
}

// Whoever handles complaints may see the photos; they can show people, so nobody else may.
const MEDIA_READERS = [Role.Officer, Role.Supervisor, Role.HotlineOperator, Role.Admin];

const REFUSAL_STATUS: Record<MediaRefusedError['reason'], HttpStatus> = {
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  empty: HttpStatus.BAD_REQUEST,
  too_many: HttpStatus.BAD_REQUEST,
  complaint_finished: HttpStatus.CONFLICT,
};

interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Photos and videos of a complaint, addressed by its tracking code: the reporter adds them
 * (anyone with the code may, like following it), the public sees only that they exist and
 * their fingerprints, and only staff see the files.
 */
@ApiTags('complaints')
@Controller('api/v1/complaints/:trackingCode/media')
export class ComplaintMediaHttpController {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    private readonly media: MediaStore,
  ) {}

  @Post()
  @Public()
  @HttpCode(201)
  @RateLimit('intake')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } })
  @ApiCreatedResponse({ type: MediaListDto, description: 'Every file was stored; the list holds the new ones.' })
  @ApiBadRequestResponse({ description: 'No file, an empty file, more files than a complaint may have, or a body that is not multipart/form-data. Nothing was stored.' })
  @ApiNotFoundResponse({ description: 'No complaint has this tracking code.' })
  @ApiConflictResponse({ description: 'The complaint is closed, evaluated or rejected and takes no more files.' })
  @ApiPayloadTooLargeResponse({ description: 'A file is over MEDIA_MAX_BYTES; the message names it. Nothing was stored.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'A file is not a JPEG, PNG, WebP or HEIC photo or an MP4 or QuickTime video, judged by its content; the message names it. Nothing was stored.' })
  @ApiTooManyRequestsResponse({ description: 'Too many submissions from this address; retry after `Retry-After` seconds.' })
  async upload(@Param('trackingCode') trackingCode: string, @Req() request: FastifyRequest): Promise<MediaListDto> {
    const complaint = await this.findComplaint(trackingCode);
    if (FINISHED_STATUSES.includes(complaint.status as ComplaintStatus)) {
      throw new ConflictException({ statusCode: 409, code: 'media_complaint_finished', message: `the complaint is ${complaint.status}; it takes no more files` });
    }
    if (!request.isMultipart?.()) {
      throw new UnsupportedMediaTypeException({ statusCode: 415, code: 'multipart_required', message: 'send the files as multipart/form-data' });
    }
    const files = await refuseAsHttp(() => this.readFiles(request));
    if (files.length === 0) throw new BadRequestException({ statusCode: 400, code: 'media_missing', message: 'send one or more files in multipart/form-data' });

    const stored = await refuseAsHttp(() =>
      this.dataSource.transaction(async (manager) => {
        const attached: StoredMedia[] = [];
        for (const file of files) attached.push(await this.media.attach(manager, complaint.id, { ...file, channel: 'web' }));
        await manager.insert(TimelineEntryEntity, { id: uuidv7(), complaintId: complaint.id, type: 'media.added', at: new Date(), detail: { channel: 'web', count: String(attached.length) } });
        return attached;
      }),
    );
    return { items: stored.map(publicItem) };
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: MediaListDto, description: 'The files of the complaint, oldest first, without their names or bytes.' })
  @ApiBadRequestResponse({ description: 'Not a tracking code (they look like CF-7K3M-Q9TX).' })
  @ApiNotFoundResponse({ description: 'No complaint has this tracking code.' })
  async list(@Param('trackingCode') trackingCode: string): Promise<MediaListDto> {
    const complaint = await this.findComplaint(trackingCode);
    return { items: (await this.media.list(complaint.id)).map(publicItem) };
  }

  @Get(':mediaId')
  @Roles(...MEDIA_READERS)
  @ApiBearerAuth('bearer')
  @ApiOkResponse({ description: 'The file itself, with its detected type and its original name.' })
  @ApiForbiddenResponse({ description: 'Only officers, supervisors, hotline operators and admins see the files.' })
  @ApiNotFoundResponse({ description: 'No such complaint, or no such file of it.' })
  async read(@Param('trackingCode') trackingCode: string, @Param('mediaId') mediaId: string): Promise<StreamableFile> {
    if (!isUUID(mediaId)) throw new BadRequestException({ statusCode: 400, code: 'invalid_media_id', message: 'mediaId must be a UUID' });
    const complaint = await this.findComplaint(trackingCode);
    const media = await this.media.read(complaint.id, mediaId.toLowerCase());
    if (!media) throw new NotFoundException({ statusCode: 404, code: 'media_not_found', message: `complaint ${complaint.trackingCode} has no file ${mediaId}` });
    return new StreamableFile(media.bytes, {
      type: media.contentType,
      length: media.sizeBytes,
      disposition: `attachment; filename="${asciiFallback(media.filename)}"; filename*=UTF-8''${encodeURIComponent(media.filename)}`,
    });
  }

  private async findComplaint(trackingCode: string): Promise<Pick<ComplaintEntity, 'id' | 'trackingCode' | 'status'>> {
    const code = trackingCode.toUpperCase();
    if (!isTrackingCode(code)) throw new BadRequestException({ statusCode: 400, code: 'invalid_tracking_code', message: 'trackingCode must look like CF-7K3M-Q9TX' });
    const complaint = await this.dataSource.getRepository(ComplaintEntity).findOne({ where: { trackingCode: code }, select: { id: true, trackingCode: true, status: true } });
    if (!complaint) throw new NotFoundException({ statusCode: 404, code: 'complaint_not_found', message: `no complaint has the tracking code ${code}` });
    return complaint;
  }

  /**
   * Reads every part to the end, so that the client gets the answer and not a broken pipe,
   * but keeps at most MEDIA_MAX_BYTES of a file: busboy cuts a longer one and marks it.
   */
  private async readFiles(request: FastifyRequest): Promise<UploadedFile[]> {
    const { MEDIA_MAX_BYTES, MEDIA_MAX_PER_COMPLAINT } = this.media.limits;
    const files: UploadedFile[] = [];
    let refusal: MediaRefusedError | undefined;
    try {
      const parts = request.files({ throwFileSizeLimit: false, limits: { fileSize: MEDIA_MAX_BYTES, files: MEDIA_MAX_PER_COMPLAINT, fields: 20, fieldSize: 1024 } });
      for await (const part of parts) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) if (!refusal) chunks.push(chunk as Buffer);
        if (refusal) continue;
        const filename = cleanFilename(part.filename);
        if (part.file.truncated) {
          refusal = new MediaRefusedError(filename, 'too_large', `the file is over the limit of ${formatBytes(MEDIA_MAX_BYTES)} a file`);
          continue;
        }
        files.push({ filename, contentType: part.mimetype, bytes: Buffer.concat(chunks) });
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_FILES_LIMIT') {
        throw new BadRequestException({ statusCode: 400, code: 'media_too_many', message: `send at most ${MEDIA_MAX_PER_COMPLAINT} files: a complaint may have no more` });
      }
      throw new BadRequestException({ statusCode: 400, code: 'invalid_multipart', message: `the multipart/form-data body could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (refusal) throw refusal;
    return files;
  }
}

function publicItem(media: StoredMedia): MediaItemDto {
  return { id: media.id, contentType: media.contentType, sizeBytes: media.sizeBytes, sha256: media.sha256, createdAt: media.createdAt.toISOString() };
}

async function refuseAsHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MediaRefusedError) {
      const status = REFUSAL_STATUS[error.reason];
      throw new HttpException({ statusCode: status, code: `media_${error.reason}`, message: error.message, file: error.filename }, status);
    }
    throw error;
  }
}

/** The plain `filename=` of Content-Disposition takes only ASCII without quotes; `filename*` carries the real name. */
function asciiFallback(filename: string): string {
  return filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
}
