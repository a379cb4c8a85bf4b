import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Role, Roles } from '@civicflow/auth';
import { type MaskedParty, PartyRegister, type ViolationOnRecord } from './party-register';

export class ViolationQueryDto {
  @ApiPropertyOptional({ example: 'street-vending', description: 'Only violations of this category.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  category?: string;
}

// A party's record decides whether a violation is the first one, whichever department's case it is in.
const PARTY_READERS = [Role.Officer, Role.Supervisor, Role.LegalReviewer, Role.Auditor, Role.Admin];

/** Parties of enforcement cases, masked, and their violations on record (the basis of 首违不罚). */
@ApiTags('enforcement')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not bureau staff.' })
@Controller('api/v1/enforcement/parties')
export class PartiesHttpController {
  constructor(private readonly parties: PartyRegister) {}

  @Get(':id')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'A party, its name (a person’s), identity number and phone masked' })
  @ApiOkResponse({ description: 'The party.' })
  @ApiNotFoundResponse({ description: 'No such party.' })
  async party(@Param('id', ParseUUIDPipe) id: string): Promise<MaskedParty> {
    return this.parties.masked(await this.parties.find(id));
  }

  @Get(':id/violations')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: "A party's violations found in its cases, optionally of one category, newest first: what makes a violation not the first" })
  @ApiOkResponse({ description: '`items`: case id, category, when the violation happened, the state and outcome.' })
  @ApiNotFoundResponse({ description: 'No such party.' })
  async violations(@Param('id', ParseUUIDPipe) id: string, @Query() query: ViolationQueryDto): Promise<{ partyId: string; items: ViolationOnRecord[] }> {
    await this.parties.find(id);
    return { partyId: id, items: await this.parties.violations(id, { category: query.category }) };
  }
}
