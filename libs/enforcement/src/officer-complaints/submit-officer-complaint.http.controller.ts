import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '@civicflow/auth';
import { RateLimit } from '@civicflow/persistence';
import { SubmitOfficerComplaintDto } from './officer-complaint.request.dto';
import { OfficerComplaints } from './officer-complaints.service';

@ApiTags('enforcement')
@Controller('api/v1/enforcement/officer-complaints')
export class SubmitOfficerComplaintHttpController {
  constructor(private readonly complaints: OfficerComplaints) {}

  @Post()
  @Public()
  @HttpCode(201)
  // The same per-address budget as complaint intake: one public door, one abuse bound.
  @RateLimit('intake')
  @ApiOperation({ summary: "Complain about an officer's conduct; the officer is named by the certificate number shown on site" })
  @ApiCreatedResponse({ description: '`{ id, status, submittedAt }`; nothing of what was sent is echoed.' })
  @ApiBadRequestResponse({ description: 'The body is invalid or names no known officer; `message` says which field.' })
  @ApiTooManyRequestsResponse({ description: 'Too many submissions from this address; retry after `Retry-After` seconds.' })
  submit(@Body() body: SubmitOfficerComplaintDto) {
    return this.complaints.submit(body);
  }
}
