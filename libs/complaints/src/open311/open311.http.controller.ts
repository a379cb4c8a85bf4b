import { All, Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { Public } from '@civicflow/auth';
import { CONFIG } from '@civicflow/config';
import type { ComplaintsConfig } from '../complaints.config';
import { isTrackingCode } from '../domain/tracking-code';
import { TimelineEntryEntity } from '../infrastructure/complaint.entity';
import { ComplaintIntake } from '../intake/complaint-intake.service';
import { correlationIdOfRequest, refuseInvalidComplaint } from '../intake/intake-http';
import { CategoryCatalogue } from '../taxonomy/category-catalogue';
import type { CategoryLocale } from '../taxonomy/domain/category';
import { Open311ApiKeys } from './open311-api-keys';
import { badParameter, notFound, Open311Error } from './open311-error';
import { type Open311Format, OPEN311_CONTENT_TYPES, OPEN311_MEDIA_TYPES, parseFormat, render, splitResourceFile } from './open311-format';
import { booleanParam, checkJurisdiction, type Open311Params, refuseUnknown, resolveLocale, single } from './open311-params';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { serviceDefinition, serviceOf } from './open311-services';
import { complaintDescription, readServiceCode, readServiceRequestForm } from './service-request.form';
import { readServiceRequestQuery } from './service-request.query';
import { toServiceRequest } from './service-request.view';
import { MEDIA_LINK_ENTRY, ServiceRequestsReader, type ServiceRequestRecord } from './service-requests.reader';
import type { XmlValue } from './open311-xml';

/** When this endpoint's discovery document last changed. */
const DISCOVERY_CHANGESET = '2026-11-25T00:00:00Z';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const OPEN311_BASE_PATH = 'open311/v2';

const READ_PARAMS = new Set(['jurisdiction_id', 'locale', 'api_key']);
const ONE_REQUEST_PARAMS = new Set([...READ_PARAMS, 'extensions']);

const TEXTS = {
  contact: { 'zh-CN': '城市管理服务热线 12345；API 密钥由本局系统管理员发放。', en: "The city management hotline 12345; API keys are issued by the bureau's administrators." },
  keyService: { 'zh-CN': '请向本局系统管理员申请 API 密钥。', en: "Ask the bureau's administrators for an API key." },
  notice: {
    'zh-CN': (code: string) => `已收到。请凭跟踪码 ${code} 查询办理进度。`,
    en: (code: string) => `Received. Follow it with the tracking code ${code}.`,
  },
} as const;

type Config = Pick<ComplaintsConfig, 'OPEN311_JURISDICTION_ID'> & { NODE_ENV?: string };

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the complaint record:
 * services are the active sub classes of the category catalogue, service requests are
 * complaints of every channel, identified by their tracking code. Reading is open to all;
 * filing needs an api_key. Outputs never hold a reporter's name or contact details.
 */
@ApiTags('open311')
@Controller(OPEN311_BASE_PATH)
@Public()
@UseFilters(Open311ExceptionFilter)
export class Open311HttpController {
  constructor(
    private readonly catalogue: CategoryCatalogue,
    private readonly keys: Open311ApiKeys,
    private readonly intake: ComplaintIntake,
    private readonly requests: ServiceRequestsReader,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get('discovery.:format')
  @ApiOperation({ summary: 'Open311 service discovery: where the GeoReport v2 endpoint is and what it serves' })
  @ApiProduces(...OPEN311_MEDIA_TYPES)
  discovery(
    @Param('format') format: string,
    @Query() params: Open311Params,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const as = parseFormat(format);
    refuseUnknown(params, new Set(['locale']));
    const locale = resolveLocale(params, acceptLanguage);
    return send(reply, as, 'discovery', {
      changeset: DISCOVERY_CHANGESET,
      contact: TEXTS.contact[locale],
      key_service: TEXTS.keyService[locale],
      endpoints: [
        {
          specification: SPECIFICATION,
          url: `${request.protocol}://${request.host}/${OPEN311_BASE_PATH}`,
          changeset: DISCOVERY_CHANGESET,
          type: this.config.NODE_ENV === 'production' ? 'production' : 'test',
          formats: [...OPEN311_MEDIA_TYPES],
        },
      ],
    });
  }

  @Get('services.:format')
  @ApiOperation({ summary: 'GeoReport v2 services: the active sub classes of the category catalogue' })
  @ApiProduces(...OPEN311_MEDIA_TYPES)
  async services(
    @Param('format') format: string,
    @Query() params: Open311Params,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { as, locale } = this.readRequest(format, params, acceptLanguage, READ_PARAMS);
    const catalogue = await this.catalogue.list();
    const services = catalogue.flatMap(({ majorClass, subClasses }) => subClasses.map((subClass) => serviceOf(subClass, majorClass, locale)));
    return send(reply, as, 'services', services);
  }

  @Get('services/:file')
  @ApiOperation({ summary: 'GeoReport v2 service definition: the attributes a request of this service may carry' })
  @ApiProduces(...OPEN311_MEDIA_TYPES)
  async serviceDefinition(
    @Param('file') file: string,
    @Query() params: Open311Params,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { id: serviceCode, format } = splitResourceFile(file, 'service');
    const { as, locale } = this.readRequest(format, params, acceptLanguage, READ_PARAMS);
    await this.activeService(serviceCode);
    return send(reply, as, 'service_definition', serviceDefinition(serviceCode, locale));
  }

  @Post('requests.:format')
  @HttpCode(201)
  @ApiOperation({ summary: 'GeoReport v2 POST service request (application/x-www-form-urlencoded, api_key required): files a complaint' })
  @ApiProduces(...OPEN311_MEDIA_TYPES)
  async create(
    @Param('format') format: string,
    @Body() body: unknown,
    @Query() query: Open311Params,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const as = parseFormat(format);
    const params = formParams(body);
    const apiKey = single(params, 'api_key') ?? single(query, 'api_key');
    if (apiKey === undefined) throw new Open311Error(403, 'api_key is required to file a service request');
    const client = await this.keys.clientOf(apiKey);
    if (!client) throw new Open311Error(403, 'api_key is not valid: unknown or revoked');
    checkJurisdiction(params, this.config.OPEN311_JURISDICTION_ID);
    const serviceCode = readServiceCode(params);
    const { subClass } = await this.activeService(serviceCode);
    const form = readServiceRequestForm(params);
    const locale = form.attributes.replyLanguage ?? resolveLocale(params, acceptLanguage);
    const complaint = await refuseInvalidComplaint(() =>
      this.intake.submit(
        {
          channel: 'open311',
          description: complaintDescription(form, subClass.name[locale], locale),
          location: form.location,
          reporter: { ...form.reporter, locale, hideName: form.attributes.hideName },
          category: serviceCode,
        },
        {
          correlationId: correlationIdOfRequest(),
          within: async (manager, filed) => {
            const at = filed.receivedAt;
            // Which client filed it, so that the requests of a key that is later revoked can be found.
            const entries: Partial<TimelineEntryEntity>[] = [{ id: uuidv7(), complaintId: filed.id, type: 'open311.filed', at, detail: { client: client.label } }];
            if (form.mediaUrl) entries.push({ id: uuidv7(), complaintId: filed.id, type: MEDIA_LINK_ENTRY, at, detail: { url: form.mediaUrl } });
            await manager.insert(TimelineEntryEntity, entries);
          },
        },
      ),
    );
    return send(reply, as, 'service_requests', [{ service_request_id: complaint.trackingCode, service_notice: TEXTS.notice[locale](complaint.trackingCode), account_id: null }]);
  }

  @Get('requests.:format')
  @ApiOperation({ summary: 'GeoReport v2 GET service requests: by id list, or by service, status and date (90 days, 1,000 a page by default)' })
  @ApiProduces(...OPEN311_MEDIA_TYPES)
  async list(
    @Param('format') format: string,
    @Query() params: Open311Params,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const as = parseFormat(format);
    const query = readServiceRequestQuery(params, new Date());
    checkJurisdiction(params, this.config.OPEN311_JURISDICTION_ID);
    const locale = resolveLocale(params, acceptLanguage);
    const records = await this.requests.find(query);
    return send(reply, as, 'service_requests', await this.serviceRequests(records, locale, query.extensions));
  }

  @Get('requests/:file')
  @ApiOperation({ summary: 'GeoReport v2 GET one service request by its id (the tracking code)' })
  @ApiProduces(...OPEN311_MEDIA_TYPES)
  async one(
    @Param('file') file: string,
    @Query() params: Open311Params,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { id, format } = splitResourceFile(file, 'service request');
    const { as, locale } = this.readRequest(format, params, acceptLanguage, ONE_REQUEST_PARAMS);
    const extensions = booleanParam(params, 'extensions') ?? false;
    const trackingCode = id.toUpperCase();
    const record = isTrackingCode(trackingCode) ? await this.requests.findOne(trackingCode) : undefined;
    if (!record) throw notFound(`no service request has the id ${id}`);
    return send(reply, as, 'service_requests', await this.serviceRequests([record], locale, extensions));
  }

  @Get('tokens/:file')
  @ApiOperation({ summary: 'GeoReport v2 token: requests are created at once, so a token is the service request id itself' })
  @ApiProduces(...OPEN311_MEDIA_TYPES)
  async token(
    @Param('file') file: string,
    @Query() params: Open311Params,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { id, format } = splitResourceFile(file, 'token');
    const { as } = this.readRequest(format, params, acceptLanguage, READ_PARAMS);
    const trackingCode = id.toUpperCase();
    if (!isTrackingCode(trackingCode) || !(await this.requests.exists(trackingCode))) throw notFound(`no token ${id} is known`);
    return send(reply, as, 'service_requests', [{ service_request_id: trackingCode, token: trackingCode }]);
  }

  /** Anything else under the base path answers in the Open311 error shape too. */
  @All('*')
  @ApiExcludeEndpoint()
  unknown(@Req() request: FastifyRequest): never {
    throw notFound(`${request.method} ${request.url.split('?', 1)[0]} is no GeoReport v2 resource; see discovery.json`);
  }

  private readRequest(format: string, params: Open311Params, acceptLanguage: string | undefined, known: ReadonlySet<string>): { as: Open311Format; locale: CategoryLocale } {
    const as = parseFormat(format);
    refuseUnknown(params, known);
    checkJurisdiction(params, this.config.OPEN311_JURISDICTION_ID);
    return { as, locale: resolveLocale(params, acceptLanguage) };
  }

  private async activeService(serviceCode: string) {
    const found = await this.catalogue.find(serviceCode);
    if (!found?.subClass.active) throw notFound(`service_code ${serviceCode} is not a service of this endpoint; see services.json`);
    return found;
  }

  private async serviceRequests(records: ServiceRequestRecord[], locale: CategoryLocale, extensions: boolean): Promise<XmlValue> {
    const names = new Map<string, string | null>();
    for (const code of new Set(records.map((record) => record.source.category).filter((code): code is string => code !== null))) {
      names.set(code, (await this.catalogue.find(code))?.subClass.name[locale] ?? null);
    }
    return records.map(({ source, mediaUrl }) => toServiceRequest(source, source.category ? (names.get(source.category) ?? null) : null, mediaUrl, extensions));
  }
}

function send(reply: FastifyReply, format: Open311Format, root: string, document: XmlValue): string {
  void reply.header('content-type', OPEN311_CONTENT_TYPES[format]);
  return render(format, root, document);
}

/**
 * The form body as parameters. Fastify parses form-encoded bodies into strings and lists
 * of strings; a JSON body of flat values is taken too, anything nested is refused.
 */
function formParams(body: unknown): Open311Params {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badParameter('the body must be application/x-www-form-urlencoded parameters');
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[name] = String(value);
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) params[name] = value;
    else throw badParameter(`${name} must be a plain value`);
  }
  return params;
}
