import { ApiProperty } from '@nestjs/swagger';
import { Officer } from '../../domain/officer';

export class OfficerResponse {
  @ApiProperty({ example: 'off-0001' })
  id: string;

  @ApiProperty({ example: '王立' })
  name: string;

  @ApiProperty({ description: 'Law-enforcement certificate number', example: 'ZF-2301-000123' })
  certificateNumber: string;

  @ApiProperty({ description: 'Last day the certificate is valid', format: 'date', example: '2028-06-30' })
  certificateValidUntil: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(officer: Officer): OfficerResponse {
    // Field by field, so that what the domain adds later is not published by accident.
    return {
      id: officer.id,
      name: officer.name,
      certificateNumber: officer.certificateNumber,
      certificateValidUntil: officer.certificateValidUntil,
      createdAt: officer.createdAt.toISOString(),
    };
  }
}

export class OfficerListResponse {
  @ApiProperty({ type: [OfficerResponse] })
  items: OfficerResponse[];
}
