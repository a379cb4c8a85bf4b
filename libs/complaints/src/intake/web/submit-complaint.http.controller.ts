import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '@civicflow/auth';
import { RequestContext } from '@civicflow/observability';
import { RateLimit } from '@civicflow/persistence';
import { v7 as uuidv7 } from 'uuid';
import { SubmitComplaintRequestDto, SubmitComplaintResponseDto } from './submit-complaint.request.dto';
import { SubmitComplaintService } from './submit-complaint.service';

@ApiTags('complaints')
@Controller('api/v1/complaints')
export class SubmitComplaintHttpController {
  constructor(private readonly service: SubmitComplaintService) {}

  @Post()
  @Public()
  @HttpCode(201)
  @RateLimit('intake')
  @ApiCreatedResponse({ type: SubmitComplaintResponseDto, description: 'Stored; an acknowledgement with the tracking code is e-mailed to the reporter.' })
  @ApiBadRequestResponse({ description: 'The body is invalid; `message` lists every problem.' })
  @ApiTooManyRequestsResponse({ description: 'Too many submissions from this address; retry after `Retry-After` seconds.' })
  async submit(@Body() body: SubmitComplaintRequestDto): Promise<SubmitComplaintResponseDto> {
    const complaint = await this.service.submit(
      {
        description: body.description,
        location: body.location,
        reporter: { ...body.reporter, locale: body.reporter.locale ?? 'zh-CN' },
        category: body.category,
        channel: 'web',
      },
      RequestContext.current()?.correlationId ?? uuidv7(),
    );
    return { trackingCode: complaint.trackingCode, status: complaint.status };
  }
}
