import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import type { Locale } from '../mail/mail-layout';
import { refused } from '../rules/rules.http.controller';
import { TEMPLATE_KEY } from '../rules/rule';
import { LOCALES, type RenderedTemplate } from './template-text';
import { type StoredTemplate, Templates } from './templates';
import { VARIABLE_TYPES, type VariableType } from './template-variables';

export class PutTemplateDto {
  @ApiProperty({ example: 'Complaint {{trackingCode}} is overdue' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject: string;

  @ApiProperty({ example: 'Complaint {{trackingCode}} was due by {{deadlineAt}}.', description: 'Plain text; mustache placeholders, sections {{#x}}…{{/x}} for what an event may leave out.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  text: string;

  @ApiPropertyOptional({ nullable: true, description: 'HTML part for e-mail; values are HTML-escaped. Absent: made from the text.' })
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  html?: string | null;

  @ApiProperty({ example: { trackingCode: 'string', deadlineAt: 'datetime' }, description: `Every placeholder with its type: ${VARIABLE_TYPES.join(', ')} (money: an amount in fen).` })
  @IsObject()
  variables: Record<string, VariableType>;
}

export class PreviewTemplateDto {
  @ApiPropertyOptional({ example: { trackingCode: 'CF-TEST-0001' }, description: "Values to try; the rest comes from the example of the rule's event contract." })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}

class TemplateResponse {
  @ApiProperty() key: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) html?: string | null;
  @ApiProperty({ example: { trackingCode: 'string' } }) variables: Record<string, VariableType>;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

class TemplateListResponse {
  @ApiProperty({ type: [TemplateResponse] }) items: StoredTemplate[];
}

class RenderedResponse {
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty() html: string;
}

class PreviewResponse {
  @ApiProperty({ type: RenderedResponse }) 'zh-CN': RenderedResponse;
  @ApiProperty({ type: RenderedResponse }) en: RenderedResponse;
}

function checkKey(key: string): string {
  if (!TEMPLATE_KEY.test(key)) throw new BadRequestException({ statusCode: 400, code: 'invalid_request', message: ['key must be lower-case words joined by "." or "-"'] });
  return key;
}

function checkLocale(locale: string): Locale {
  if (!(LOCALES as readonly string[]).includes(locale)) throw new BadRequestException({ statusCode: 400, code: 'invalid_request', message: [`locale must be one of ${LOCALES.join(', ')}`] });
  return locale as Locale;
}

const notFound = (key: string, locale?: string) =>
  new NotFoundException({ statusCode: 404, code: 'template_not_found', message: `No template ${key}${locale ? ` in ${locale}` : ''}` });

/** The wording of every notice in each language, changed by an admin without a deploy; placeholders are checked at save. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'Needs the admin role.' })
@Controller('api/v1/notifications/templates')
export class TemplatesHttpController {
  constructor(private readonly templates: Templates) {}

  @Get()
  @ApiOperation({ summary: 'Every template in every language' })
  @ApiOkResponse({ type: TemplateListResponse })
  async list(): Promise<TemplateListResponse> {
    return { items: await this.templates.list() };
  }

  @Get(':key')
  @ApiOperation({ summary: 'Both languages of a template' })
  @ApiOkResponse({ type: TemplateListResponse })
  @ApiNotFoundResponse({ description: 'No template has this key.' })
  async byKey(@Param('key') key: string): Promise<TemplateListResponse> {
    const templates = await this.templates.byKey(checkKey(key));
    const items = LOCALES.flatMap((locale) => templates[locale] ?? []);
    if (items.length === 0) throw notFound(key);
    return { items };
  }

  @Get(':key/:locale')
  @ApiOperation({ summary: 'One language of a template' })
  @ApiOkResponse({ type: TemplateResponse })
  @ApiNotFoundResponse({ description: 'No template has this key in this language.' })
  async get(@Param('key') key: string, @Param('locale') locale: string): Promise<TemplateResponse> {
    const template = await this.templates.get(checkKey(key), checkLocale(locale));
    if (!template) throw notFound(key, locale);
    return template;
  }

  @Put(':key/:locale')
  @ApiOperation({ summary: 'Create or replace one language of a template' })
  @ApiOkResponse({ type: TemplateResponse })
  @ApiBadRequestResponse({ description: '`message` names each problem: a syntax error, a placeholder not declared, a declared variable the events of its rules cannot supply.' })
  async put(@Param('key') key: string, @Param('locale') locale: string, @Body() body: PutTemplateDto, @CurrentUser() user: AuthenticatedUser): Promise<TemplateResponse> {
    return this.templates
      .save(checkKey(key), checkLocale(locale), { subject: body.subject, text: body.text, html: body.html ?? null, variables: body.variables }, user.id)
      .catch(refused('invalid_template'));
  }

  @Post(':key/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Render both languages with sample values (the example of the event contract, overridden by those given)' })
  @ApiOkResponse({ type: PreviewResponse })
  @ApiBadRequestResponse({ description: 'A value does not fit its declared type, or names no declared variable.' })
  @ApiNotFoundResponse({ description: 'No template has this key.' })
  async preview(@Param('key') key: string, @Body() body: PreviewTemplateDto): Promise<Partial<Record<Locale, RenderedTemplate>>> {
    const rendered = await this.templates.preview(checkKey(key), body.variables ?? {}).catch(refused('invalid_variables'));
    if (!rendered) throw notFound(key);
    return rendered;
  }
}
