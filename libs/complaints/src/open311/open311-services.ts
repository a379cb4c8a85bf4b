import type { CategoryLocale, Deadline, MajorClass, SubClass } from '../taxonomy/domain/category';
import { badParameter } from './open311-error';
import type { Open311Params } from './open311-params';

type Localized = Readonly<Record<CategoryLocale, string>>;

// A type, not an interface: the XML writer takes it as a record of values.
export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
};

interface AttributeDefinition {
  code: string;
  datatype: 'singlevaluelist' | 'string';
  description: Localized;
  datatypeDescription?: Localized;
  values?: readonly { key: string; name: Localized }[];
  maxLength?: number;
}

/**
 * What an Open311 client may add to a request, the same for every service: none is
 * required, so that a generic client that shows no form still files a valid request.
 */
const ATTRIBUTES: readonly AttributeDefinition[] = [
  {
    code: 'hide_name',
    datatype: 'singlevaluelist',
    description: { 'zh-CN': '是否公开您的姓名？', en: 'May your name be shown publicly?' },
    datatypeDescription: { 'zh-CN': '选择“不公开”后，您的姓名不会出现在公示、座谈会材料和统计中。', en: 'With "never", your name stays out of disclosures, forum papers and statistics.' },
    values: [
      { key: 'false', name: { 'zh-CN': '可以公开', en: 'My name may be shown' } },
      { key: 'true', name: { 'zh-CN': '不公开我的姓名', en: 'Never show my name' } },
    ],
  },
  {
    code: 'reply_language',
    datatype: 'singlevaluelist',
    description: { 'zh-CN': '回执和答复使用的语言', en: 'Language of the acknowledgement and the replies' },
    values: [
      { key: 'zh-CN', name: { 'zh-CN': '中文', en: 'Chinese' } },
      { key: 'en', name: { 'zh-CN': '英文', en: 'English' } },
    ],
  },
  {
    code: 'location_detail',
    datatype: 'string',
    description: { 'zh-CN': '具体位置：店招、门牌号或路灯杆编号', en: 'Where exactly: a shop sign, a house number or a lamp-post number' },
    datatypeDescription: { 'zh-CN': '最多 200 个字', en: 'At most 200 characters' },
    maxLength: 200,
  },
];

export interface ServiceRequestAttributes {
  hideName: boolean;
  replyLanguage?: CategoryLocale;
  locationDetail?: string;
}

const DEADLINE_WORDING: Readonly<Record<Deadline['unit'], Localized>> = {
  working_hours: { 'zh-CN': '个工作小时', en: 'working hours' },
  working_days: { 'zh-CN': '个工作日', en: 'working days' },
  calendar_days: { 'zh-CN': '天', en: 'days' },
};

export function serviceOf(subClass: SubClass, majorClass: MajorClass, locale: CategoryLocale): Open311Service {
  const deadline = `${subClass.deadline.amount} ${DEADLINE_WORDING[subClass.deadline.unit][locale]}`;
  return {
    service_code: subClass.code,
    service_name: subClass.name[locale],
    description: locale === 'en' ? `${subClass.name.en}: handled within ${deadline} of receipt.` : `${subClass.name['zh-CN']}：自收到起 ${deadline}内办理。`,
    metadata: ATTRIBUTES.length > 0,
    type: 'realtime',
    // Both languages, so that a client searching in either finds the service.
    keywords: [subClass.name['zh-CN'], subClass.name.en, majorClass.name['zh-CN'], majorClass.name.en].join(', '),
    group: majorClass.name[locale],
  };
}

export function serviceDefinition(serviceCode: string, locale: CategoryLocale) {
  return {
    service_code: serviceCode,
    attributes: ATTRIBUTES.map((attribute, index) => ({
      variable: true,
      code: attribute.code,
      datatype: attribute.datatype,
      required: false,
      datatype_description: attribute.datatypeDescription?.[locale] ?? null,
      order: index + 1,
      description: attribute.description[locale],
      ...(attribute.values ? { values: attribute.values.map((value) => ({ key: value.key, name: value.name[locale] })) } : {}),
    })),
  };
}

const ATTRIBUTE_PARAM = /^attribute\[([^\]]*)\](\[\])?$/;

export function isAttributeParam(name: string): boolean {
  return ATTRIBUTE_PARAM.test(name);
}

/** The `attribute[code]=value` parameters of a POST, checked against the definitions. */
export function readAttributes(params: Open311Params): ServiceRequestAttributes {
  const given = new Map<string, string>();
  for (const [name, raw] of Object.entries(params)) {
    const match = ATTRIBUTE_PARAM.exec(name);
    if (!match) continue;
    const code = match[1] ?? '';
    const definition = ATTRIBUTES.find((attribute) => attribute.code === code);
    if (!definition) throw badParameter(`${name}: no attribute ${JSON.stringify(code)} is defined; the attributes are ${ATTRIBUTES.map((a) => a.code).join(', ')}`);
    if (match[2] !== undefined || Array.isArray(raw)) throw badParameter(`${name}: attribute ${code} takes one value`);
    const value = raw?.trim() ?? '';
    if (!value) continue;
    if (definition.values && !definition.values.some((allowed) => allowed.key === value)) {
      throw badParameter(`${name} must be one of ${definition.values.map((allowed) => allowed.key).join(', ')}`);
    }
    if (definition.maxLength !== undefined && Array.from(value).length > definition.maxLength) {
      throw badParameter(`${name} must be at most ${definition.maxLength} characters`);
    }
    given.set(code, value);
  }
  const replyLanguage = given.get('reply_language') as CategoryLocale | undefined;
  const locationDetail = given.get('location_detail');
  return { hideName: given.get('hide_name') === 'true', ...(replyLanguage ? { replyLanguage } : {}), ...(locationDetail ? { locationDetail } : {}) };
}
