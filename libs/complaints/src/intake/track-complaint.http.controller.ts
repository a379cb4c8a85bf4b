import { BadRequestException, Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Public } from '@civicflow/auth';
import { isTrackingCode } from '../domain/tracking-code';
import { ComplaintEntity } from '../infrastructure/complaint.entity';

class TimelineEntryDto {
  @ApiProperty({ example: 'acknowledgement.delivered' })
  type: string;

  @ApiProperty({ example: '2026-11-25T08:00:01.000Z' })
  at: string;

  @ApiPropertyOptional({ example: { channel: 'email' } })
  detail?: Record<string, string>;
}

class TrackedComplaintDto {
  @ApiProperty({ example: 'CF-7K3M-Q9TX' })
  trackingCode: string;

  @ApiProperty({ example: 'received' })
  status: string;

  @ApiPropertyOptional({ example: 'street-vending', nullable: true })
  category: string | null;

  @ApiProperty({ example: '2026-11-25T08:00:00.000Z' })
  receivedAt: string;

  @ApiProperty({ type: [TimelineEntryDto] })
  timeline: TimelineEntryDto[];
}

/**
 * The reporter follows a complaint by its tracking code, without an account. The answer
 * holds no contact details: anyone who has the code can read it.
 */
@ApiTags('complaints')
@Controller('api/v1/complaints')
export class TrackComplaintHttpController {
  constructor(@InjectRepository(ComplaintEntity, 'complaints') private readonly complaints: Repository<ComplaintEntity>) {}

  @Get(':trackingCode')
  @Public()
  @ApiOkResponse({ type: TrackedComplaintDto })
  @ApiBadRequestResponse({ description: 'Not a tracking code (they look like CF-7K3M-Q9TX).' })
  @ApiNotFoundResponse({ description: 'No complaint has this tracking code.' })
  async track(@Param('trackingCode') trackingCode: string): Promise<TrackedComplaintDto> {
    const code = trackingCode.toUpperCase();
    if (!isTrackingCode(code)) throw new BadRequestException({ code: 'invalid_tracking_code', message: 'trackingCode must look like CF-7K3M-Q9TX' });
    const complaint = await this.complaints.findOne({ where: { trackingCode: code }, relations: { timeline: true }, order: { timeline: { at: 'ASC' } } });
    if (!complaint) throw new NotFoundException({ code: 'complaint_not_found', message: `no complaint has the tracking code ${code}` });
    return {
      trackingCode: complaint.trackingCode,
      status: complaint.status,
      category: complaint.category,
      receivedAt: complaint.receivedAt.toISOString(),
      timeline: complaint.timeline.map((entry) => ({ type: entry.type, at: entry.at.toISOString(), ...(entry.detail ? { detail: entry.detail } : {}) })),
    };
  }
}
