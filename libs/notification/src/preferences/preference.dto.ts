import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CHANNEL_KINDS, type ChannelKind } from '../channels/notification-channel';
import type { Locale } from '../mail/mail-layout';
import type { Preference } from './preference';
import { TIME_OF_DAY_PATTERN } from './quiet-hours';

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const TIME_OF_DAY = new RegExp(TIME_OF_DAY_PATTERN);

export class QuietHoursDto {
  @ApiProperty({ example: '22:00', description: 'Beijing time, HH:MM.' })
  @Matches(TIME_OF_DAY, { message: 'start must be a time of day HH:MM (00:00 to 23:59)' })
  start: string;

  @ApiProperty({ example: '07:00', description: 'Beijing time, HH:MM; before `start` when the window spans midnight.' })
  @Matches(TIME_OF_DAY, { message: 'end must be a time of day HH:MM (00:00 to 23:59)' })
  end: string;
}

export class PutPreferenceRequestDto {
  @ApiProperty({
    enum: CHANNEL_KINDS,
    isArray: true,
    example: ['in-app', 'email'],
    description: 'Channels you accept, most wanted first. Empty opts out of everything except notices the law requires.',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(CHANNEL_KINDS.length)
  @IsIn(CHANNEL_KINDS, { each: true, message: `channels must hold only ${CHANNEL_KINDS.join(', ')}` })
  channels: ChannelKind[];

  @ApiProperty({ enum: LOCALES, example: 'zh-CN' })
  @IsIn(LOCALES)
  language: Locale;

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: 'Hours (Beijing time) during which only urgent messages and legal notices are sent; absent or null: none.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;
}

export class PreferenceResponse {
  @ApiProperty({ enum: CHANNEL_KINDS, isArray: true })
  channels: ChannelKind[];

  @ApiProperty({ enum: LOCALES })
  language: Locale;

  @ApiProperty({ type: QuietHoursDto, nullable: true })
  quietHours: QuietHoursDto | null;

  static from(preference: Preference): PreferenceResponse {
    return { channels: preference.channels, language: preference.language, quietHours: preference.quietHours };
  }
}
