import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { Open311ApiKeys } from './open311-api-keys';

export class IssueOpen311KeyRequestDto {
  @ApiProperty({ example: 'FixMyStreet Shanghai', description: 'Who the key is for; shown in the key list and on the requests it files.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label: string;
}

export class Open311KeyDto {
  @ApiProperty({ example: '019abc12-3456-7def-8901-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'FixMyStreet Shanghai' })
  label: string;

  @ApiProperty({ example: '2026-11-25T08:00:00.000Z' })
  issuedAt: string;

  @ApiProperty({ example: 'admin-1', description: 'Account id of the admin who issued it.' })
  issuedBy: string;

  @ApiPropertyOptional({ example: null, nullable: true })
  revokedAt: string | null;
}

export class IssuedOpen311KeyDto {
  @ApiProperty({ example: '019abc12-3456-7def-8901-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'FixMyStreet Shanghai' })
  label: string;

  @ApiProperty({ example: 'o311_4kQ…', description: 'The key, shown this once: only its SHA-256 is stored.' })
  key: string;

  @ApiProperty({ example: '2026-11-25T08:00:00.000Z' })
  issuedAt: string;
}

export class Open311KeyListDto {
  @ApiProperty({ type: [Open311KeyDto] })
  items: Open311KeyDto[];
}

/** Admins issue API keys to Open311 clients and revoke them; keys of OPEN311_API_KEYS are not listed here. */
@ApiTags('open311')
@ApiBearerAuth()
@Controller('api/v1/open311/keys')
@Roles(Role.Admin)
export class Open311KeysHttpController {
  constructor(private readonly keys: Open311ApiKeys) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue an API key to an Open311 client' })
  @ApiCreatedResponse({ type: IssuedOpen311KeyDto })
  @ApiForbiddenResponse({ description: 'Only admins issue keys.' })
  async issue(@Body() body: IssueOpen311KeyRequestDto, @CurrentUser() admin: AuthenticatedUser): Promise<IssuedOpen311KeyDto> {
    const issued = await this.keys.issue(body.label.trim(), admin.id);
    return { ...issued, issuedAt: issued.issuedAt.toISOString() };
  }

  @Get()
  @ApiOperation({ summary: 'The issued keys, revoked ones included, without the keys themselves' })
  @ApiOkResponse({ type: Open311KeyListDto })
  async list(): Promise<Open311KeyListDto> {
    const keys = await this.keys.list();
    return {
      items: keys.map((key) => ({ id: key.id, label: key.label, issuedAt: key.issuedAt.toISOString(), issuedBy: key.issuedBy, revokedAt: key.revokedAt?.toISOString() ?? null })),
    };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: requests filed with it are refused from now on' })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked).' })
  @ApiNotFoundResponse({ description: 'No key has this id.' })
  async revoke(@Param('id') id: string, @CurrentUser() admin: AuthenticatedUser): Promise<void> {
    if (!(await this.keys.revoke(id, admin.id))) throw new NotFoundException({ statusCode: 404, code: 'open311_key_not_found', message: `no Open311 API key has the id ${id}` });
  }
}
