import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@civicflow/auth';
import { userRecipientKey } from './preference';
import { PreferenceResponse, PutPreferenceRequestDto } from './preference.dto';
import { Preferences } from './preferences';

/** Any signed-in user sets how they are told; the key is the token's subject, never a parameter. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications/preferences')
export class PreferencesHttpController {
  constructor(private readonly preferences: Preferences) {}

  @Get('me')
  @ApiOperation({ summary: 'Your notification preferences (the defaults until you save some)' })
  @ApiOkResponse({ type: PreferenceResponse })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<PreferenceResponse> {
    return PreferenceResponse.from(await this.preferences.of(userRecipientKey(user.id)));
  }

  @Put('me')
  @ApiOperation({ summary: 'Replace your notification preferences' })
  @ApiOkResponse({ type: PreferenceResponse })
  @ApiBadRequestResponse({ description: '`message` lists every problem, each starting with its field path.' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  async replace(@CurrentUser() user: AuthenticatedUser, @Body() body: PutPreferenceRequestDto): Promise<PreferenceResponse> {
    const saved = await this.preferences.save({ recipientKey: userRecipientKey(user.id), channels: body.channels, language: body.language, quietHours: body.quietHours ?? null });
    return PreferenceResponse.from(saved);
  }
}
