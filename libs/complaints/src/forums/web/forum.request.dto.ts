import { applyDecorators, BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageQueryDto, Trimmed } from '../../merchants/web/request-parameters';
import { FORUM_STATUSES, type ForumStatus } from '../domain/forum';

const TrimmedEach = () => Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item)) : value));

// Starts with the property, so that the validation pipe puts the full path (invite.streets) before it.
const EACH_MUST_BE_NAME = '$property must hold names of 1 to 100 characters';

/** Up to 50 distinct, trimmed names of streets or trades. */
const OptionalNameList = () =>
  applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    ArrayUnique(),
    IsString({ each: true, message: EACH_MUST_BE_NAME }),
    IsNotEmpty({ each: true, message: EACH_MUST_BE_NAME }),
    MaxLength(100, { each: true, message: EACH_MUST_BE_NAME }),
    TrimmedEach(),
  );

export class InvitationCriteriaDto {
  @ApiPropertyOptional({ type: [String], example: ['人民路街道'], description: 'Invite the merchants of these streets; leave out for any street.' })
  @OptionalNameList()
  streets?: string[];

  @ApiPropertyOptional({ type: [String], example: ['catering'], description: 'Invite the merchants of these trades; leave out for any trade.' })
  @OptionalNameList()
  trades?: string[];
}

export class ScheduleForumRequestDto {
  @ApiProperty({ example: '人民路夜市经营时间与垃圾收运座谈会', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Trimmed()
  title: string;

  @ApiProperty({ example: '四月起夜市营业时间；摊位垃圾投放点；装卸货时间', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  topic: string;

  @ApiProperty({ example: '2026-03-15T14:00:00+08:00', description: 'A date-time with its time zone.' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'startsAt must be a date-time with a time zone, e.g. 2026-03-15T14:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a real date and time' })
  startsAt: string;

  @ApiProperty({ example: '人民路街道办事处二楼会议室', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  place: string;

  @ApiProperty({ type: InvitationCriteriaDto, description: 'The registered merchants matching both lists are invited; at least one list must be given.' })
  @ValidateNested()
  @Type(() => InvitationCriteriaDto)
  invite: InvitationCriteriaDto;
}

export class RecordAttendanceRequestDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The invited merchants who attended; every other invitee is recorded absent.' })
  @IsArray()
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'attendedMerchantIds must hold merchant ids (UUIDs)' })
  attendedMerchantIds: string[];
}

export class RecordMinutesRequestDto {
  @ApiProperty({ maxLength: 20000, description: 'The minutes (纪要); published on the public forum topic.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  minutes: string;
}

export class AddActionItemRequestDto {
  @ApiProperty({ example: '研究在夜市东端设置统一垃圾投放点', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;

  @ApiProperty({ example: 'officer-2041', description: 'Account id of the staff member who must answer it.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Trimmed()
  ownerStaffId: string;

  @ApiProperty({ example: '2026-03-31', format: 'date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date such as 2026-03-31' })
  @IsISO8601({ strict: true }, { message: 'dueDate must be a real date' })
  dueDate: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Invited merchants who raised it at the forum.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'raisedByMerchantIds must hold merchant ids (UUIDs)' })
  raisedByMerchantIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Merchant requests it takes up; they become discussed and are answered with it.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'merchantRequestIds must hold merchant request ids (UUIDs)' })
  merchantRequestIds?: string[];
}

export class AnswerActionItemRequestDto {
  @ApiProperty({ example: '东端垃圾投放点4月1日启用，每晚23:00清运。', maxLength: 5000, description: 'Sent to every merchant who raised the item.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  answer: string;
}

export class ForumListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FORUM_STATUSES })
  @IsOptional()
  @IsIn(FORUM_STATUSES)
  status?: ForumStatus;
}

/**
 * A rule across two optional fields, which class-validator checks one by one: reported
 * like the validation pipe's errors (400, `invalid_request`, a list of messages).
 */
export function requireOneOf(lists: (readonly unknown[] | undefined)[], message: string): void {
  if (!lists.some((list) => list !== undefined && list.length > 0)) {
    throw new BadRequestException({ statusCode: 400, code: 'invalid_request', message: [message] });
  }
}
