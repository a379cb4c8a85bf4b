import { ApiProperty } from '@nestjs/swagger';
import { Department } from '../../domain/department';

export class DepartmentResponse {
  @ApiProperty({ example: 'water-affairs' })
  code: string;

  @ApiProperty({ example: '市水务局' })
  nameZh: string;

  @ApiProperty({ example: 'Municipal Water Affairs Bureau' })
  nameEn: string;

  @ApiProperty({ description: 'Whether task notifications reach the department by webhook' })
  receivesWebhooks: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(department: Department): DepartmentResponse {
    return {
      code: department.code,
      nameZh: department.nameZh,
      nameEn: department.nameEn,
      // Webhook URLs often carry the receiver's access token; staff need to know only that one exists.
      receivesWebhooks: department.contactWebhookUrl !== null,
      createdAt: department.createdAt.toISOString(),
    };
  }
}

export class DepartmentListResponse {
  @ApiProperty({ type: [DepartmentResponse] })
  items: DepartmentResponse[];
}
