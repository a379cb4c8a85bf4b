import { Body, Controller, Get, Header, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsString, IsUUID, Matches } from 'class-validator';
import { Public, Role, Roles } from '@civicflow/auth';
import { DocumentServices, type ServiceProof } from './document-services';

export class ServiceListQueryDto {
  @ApiProperty({ description: 'The enforcement case whose documents were served.' })
  @IsUUID()
  caseId: string;
}

export class AcknowledgementDto {
  @ApiProperty({ description: 'The token from the link in the served message.' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,64}$/, { message: 'token must be the code from the link in the message' })
  token: string;
}

const PROOF_READERS = [Role.Officer, Role.Supervisor, Role.LegalReviewer, Role.Auditor, Role.Admin];

function notFound(serviceId: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'service_not_found', message: `No document service ${serviceId} with this token` });
}

/**
 * The proof of service of enforcement documents, for the staff who rely on it and the auditors who
 * check it; and the page on which the party confirms receipt.
 */
@ApiTags('notifications')
@Controller('api/v1/notifications/document-services')
export class DocumentServicesHttpController {
  constructor(private readonly services: DocumentServices) {}

  @Get()
  @ApiBearerAuth()
  @Roles(...PROOF_READERS)
  @ApiOperation({ summary: "Every service of a case's documents, with its proof: when asked, when served, on which channel, when confirmed" })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  @ApiForbiddenResponse({ description: 'Needs an enforcement, legal, audit or admin role.' })
  async list(@Query() query: ServiceListQueryDto): Promise<{ items: ServiceProof[] }> {
    return { items: await this.services.forCase(query.caseId) };
  }

  @Get(':id')
  @ApiBearerAuth()
  @Roles(...PROOF_READERS)
  @ApiOperation({ summary: 'One service of a document, with every message sent for it (recipients masked)' })
  @ApiNotFoundResponse({ description: 'No service has this id.' })
  async find(@Param('id', new ParseUUIDPipe()) id: string): Promise<ServiceProof> {
    const proof = await this.services.proof(id);
    if (!proof) throw new NotFoundException({ statusCode: 404, code: 'service_not_found', message: `No document service ${id}` });
    return proof;
  }

  /**
   * Opening the link must not confirm anything by itself: mail scanners open links too. The id is a
   * UUID and the token base64url (both validated), so they are safe to write into the script.
   */
  @Get(':id/acknowledgement')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The page on which the party confirms receipt of a served document' })
  page(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: AcknowledgementDto): string {
    const action = JSON.stringify(`/api/v1/notifications/document-services/${id}/acknowledgement`);
    const token = JSON.stringify(query.token);
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>确认收到 / Confirm receipt</title></head>
<body><p>请确认您已收到送达的文书。<br>Please confirm that you received the document served on you.</p>
<button id="confirm">确认收到 / Confirm receipt</button><p id="result"></p>
<script>document.getElementById('confirm').onclick=async()=>{const r=await fetch(${action},{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({token:${token}})});document.getElementById('result').textContent=r.ok?'已确认 / Confirmed':'链接无效 / This link is not valid';};</script>
</body></html>`;
  }

  @Post(':id/acknowledgement')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'The party confirms receipt; the first confirmation is recorded on the proof' })
  @ApiOkResponse({ description: 'Recorded, or already recorded before.' })
  @ApiNotFoundResponse({ description: 'No service with this id and token.' })
  async acknowledge(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AcknowledgementDto): Promise<{ acknowledged: true; firstTime: boolean }> {
    const outcome = await this.services.acknowledge(id, body.token);
    if (outcome === 'not-found') throw notFound(id);
    return { acknowledged: true, firstTime: outcome === 'acknowledged' };
  }
}
