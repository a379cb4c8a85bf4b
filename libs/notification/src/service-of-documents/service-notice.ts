import type { EnforcementDocumentServiceRequestedV1 } from '@civicflow/contracts';
import type { LocalizedContent } from '../delivery/delivery-request';
import type { Locale } from '../mail/mail-layout';

const DOCUMENT_NAMES: Record<Locale, Record<EnforcementDocumentServiceRequestedV1['document'], string>> = {
  'zh-CN': { notice: '行政处罚事先告知书', decision: '行政处罚决定书' },
  en: { notice: 'notice of the proposed administrative penalty', decision: 'administrative penalty decision' },
};

/**
 * The covering message of a served document. The document itself stays as issued (in Chinese);
 * the covering text is in the party's language and tells them how to confirm receipt.
 */
export function renderServiceNotice(locale: Locale, request: EnforcementDocumentServiceRequestedV1, acknowledgeUrl: string): LocalizedContent {
  const name = DOCUMENT_NAMES[locale][request.document];
  if (locale === 'zh-CN') {
    return {
      subject: `【送达】${request.title}`,
      text: [
        `${request.recipient.name}：`,
        `根据您签署的电子送达确认书，现向您送达${name}（案件编号 ${request.caseId}）。本文件到达您的电子邮箱或手机之日即为送达之日，相关法定期限自该日起计算。`,
        `请打开以下链接确认收到：${acknowledgeUrl}`,
        '——— 文书正文 ———',
        request.text,
      ].join('\n\n'),
    };
  }
  return {
    subject: `[Service] ${request.title}`,
    text: [
      `Dear ${request.recipient.name},`,
      `As you agreed in your confirmation of electronic service, the bureau serves on you the ${name} of case ${request.caseId}. The day this message reaches your mailbox or phone is the day of service; the legal time limits run from it.`,
      `Please confirm receipt at: ${acknowledgeUrl}`,
      '--- The document, as issued ---',
      request.text,
    ].join('\n\n'),
  };
}
