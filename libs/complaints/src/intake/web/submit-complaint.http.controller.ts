import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '@civicflow/auth';
import { RateLimit } from '@civicflow/persistence';
import { DuplicateFinder } from '../../duplicates/duplicate-finder';
import { ComplaintIntake } from '../complaint-intake.service';
import { correlationIdOfRequest, refuseInvalidComplaint } from '../intake-http';
import { SubmitComplaintRequestDto, SubmitComplaintResponseDto } from './submit-complaint.request.dto';

@ApiTags('complaints')
@Controller('api/v1/complaints')
export class SubmitComplaintHttpController {
  constructor(
    private readonly intake: ComplaintIntake,
    private readonly duplicates: DuplicateFinder,
  ) {}

  @Post()
  @Public()
  @HttpCode(201)
  @RateLimit('intake')
  @ApiCreatedResponse({ type: SubmitComplaintResponseDto, description: 'Stored; a reporter who left an e-mail address gets an acknowledgement with the tracking code.' })
  @ApiBadRequestResponse({ description: 'The body is invalid; `message` lists every problem.' })
  @ApiTooManyRequestsResponse({ description: 'Too many submissions from this address; retry after `Retry-After` seconds.' })
  async submit(@Body() body: SubmitComplaintRequestDto): Promise<SubmitComplaintResponseDto> {
    const complaint = await refuseInvalidComplaint(() =>
      this.intake.submit(
        {
          channel: 'web',
          description: body.description,
          location: body.location,
          reporter: body.reporter ? { ...body.reporter, locale: body.reporter.locale ?? 'zh-CN', hideName: body.reporter.hideName ?? false } : undefined,
          category: body.category,
        },
        { correlationId: correlationIdOfRequest() },
      ),
    );
    return { trackingCode: complaint.trackingCode, status: complaint.status, possibleDuplicates: await this.duplicates.forNewComplaint(complaint) };
  }
}
