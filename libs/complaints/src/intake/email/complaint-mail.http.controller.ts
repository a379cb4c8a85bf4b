import { BadRequestException, Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role, Roles } from '@civicflow/auth';
import { isTrackingCode } from '../../domain/tracking-code';
import { ComplaintEntity } from '../../infrastructure/complaint.entity';
import { MailThreadEntity } from './mail-thread.entity';

class SkippedAttachmentDto {
  @ApiProperty({ example: 'invoice.pdf' })
  filename: string;

  @ApiProperty({ example: 'unsupported_type', enum: ['too_large', 'empty', 'unsupported_type', 'too_many', 'complaint_finished'] })
  reason: string;

  @ApiProperty({ example: 'invoice.pdf: the content (declared application/pdf) is not one of JPEG, PNG, WebP or HEIC photos and MP4 or QuickTime videos' })
  message: string;
}

class ComplaintMailDto {
  @ApiProperty({ example: 'CAF=x1y2@mail.example.org', description: 'Message-ID, without angle brackets.' })
  messageId: string;

  @ApiProperty({ enum: ['complaint', 'reply'], description: 'The message that created the complaint, or a reply of its reporter.' })
  kind: string;

  @ApiProperty({ example: 'Stall on Renmin Road' })
  subject: string;

  @ApiProperty({ example: 'Address: 88 Renmin Road\nThe stall is back every evening.', description: 'The whole text; the description holds at most 5000 characters of it.' })
  text: string;

  @ApiProperty({ type: [SkippedAttachmentDto] })
  skippedAttachments: SkippedAttachmentDto[];

  @ApiProperty({ example: '2026-11-25T08:00:00.000Z' })
  receivedAt: string;
}

class ComplaintMailListDto {
  @ApiProperty({ type: [ComplaintMailDto] })
  items: ComplaintMailDto[];
}

/** The e-mail a complaint came in and its reporter's replies, whole: for staff, as they may carry personal data. */
@ApiTags('complaints')
@ApiBearerAuth('bearer')
@Controller('api/v1/complaints/:trackingCode/mail')
export class ComplaintMailHttpController {
  constructor(@InjectDataSource('complaints') private readonly dataSource: DataSource) {}

  @Get()
  @Roles(Role.Officer, Role.Supervisor, Role.HotlineOperator, Role.Admin)
  @ApiOkResponse({ type: ComplaintMailListDto, description: 'Oldest first; empty for a complaint that did not come by e-mail.' })
  @ApiForbiddenResponse({ description: 'Only officers, supervisors, hotline operators and admins read the mail.' })
  @ApiNotFoundResponse({ description: 'No complaint has this tracking code.' })
  async list(@Param('trackingCode') trackingCode: string): Promise<ComplaintMailListDto> {
    const code = trackingCode.toUpperCase();
    if (!isTrackingCode(code)) throw new BadRequestException({ statusCode: 400, code: 'invalid_tracking_code', message: 'trackingCode must look like CF-7K3M-Q9TX' });
    const complaint = await this.dataSource.getRepository(ComplaintEntity).findOne({ where: { trackingCode: code }, select: { id: true } });
    if (!complaint) throw new NotFoundException({ statusCode: 404, code: 'complaint_not_found', message: `no complaint has the tracking code ${code}` });
    const messages = await this.dataSource.getRepository(MailThreadEntity).find({ where: { complaintId: complaint.id }, order: { receivedAt: 'ASC' } });
    return {
      items: messages.map((message) => ({
        messageId: message.messageId,
        kind: message.kind,
        subject: message.subject,
        text: message.text,
        skippedAttachments: message.skippedAttachments,
        receivedAt: message.receivedAt.toISOString(),
      })),
    };
  }
}
