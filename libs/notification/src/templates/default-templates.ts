import type { Locale } from '../mail/mail-layout';
import type { TemplateText } from './template-text';
import type { VariableType } from './template-variables';

interface DefaultTemplate {
  variables: Record<string, VariableType>;
  'zh-CN': { subject: string; text: string };
  en: { subject: string; text: string };
}

const SIGNATURE: Record<Locale, string> = { 'zh-CN': '城市管理综合行政执法局', en: 'Urban Management and Law Enforcement Bureau' };
const REPORTER_GREETING: Record<Locale, string> = {
  'zh-CN': '{{#reporterName}}{{reporterName}}，{{/reporterName}}您好：',
  en: 'Dear {{#reporterName}}{{reporterName}}{{/reporterName}}{{^reporterName}}reporter{{/reporterName}},',
};
const MERCHANT_GREETING: Record<Locale, string> = { 'zh-CN': '{{contactName}}，您好：', en: 'Dear {{contactName}},' };

/** A letter to someone outside the bureau: greeting, paragraphs, the bureau's signature. */
function letter(greeting: Record<Locale, string>, variables: Record<string, VariableType>, zh: [string, ...string[]], en: [string, ...string[]]): DefaultTemplate {
  const [zhSubject, ...zhBody] = zh;
  const [enSubject, ...enBody] = en;
  return {
    variables,
    'zh-CN': { subject: zhSubject, text: `${greeting['zh-CN']}\n\n${zhBody.join('\n\n')}\n\n${SIGNATURE['zh-CN']}\n` },
    en: { subject: enSubject, text: `${greeting.en}\n\n${enBody.join('\n\n')}\n\n${SIGNATURE.en}\n` },
  };
}

/** A short note in a colleague's inbox. */
const note = (variables: Record<string, VariableType>, zh: [string, string], en: [string, string]): DefaultTemplate => ({
  variables,
  'zh-CN': { subject: zh[0], text: zh[1] },
  en: { subject: en[0], text: en[1] },
});

const complaint = { trackingCode: 'string', trackingUrl: 'url', reporterName: 'string' } as const;
const forMerchant = { businessName: 'string', contactName: 'string' } as const;

/** The default wording of every rule's template, in both languages, seeded into notification.template. */
export const DEFAULT_TEMPLATES: Readonly<Record<string, DefaultTemplate>> = {
  'complaint.acknowledgement': letter(
    REPORTER_GREETING,
    complaint,
    ['您的投诉已收到，查询码 {{trackingCode}}', '感谢您的反映。查询码为 {{trackingCode}}，您可随时通过以下链接查看办理进度：\n{{trackingUrl}}'],
    ['We have received your complaint {{trackingCode}}', 'Thank you for your report. Its tracking code is {{trackingCode}}. You can follow it at any time at:\n{{trackingUrl}}'],
  ),
  'complaint.accepted': letter(
    REPORTER_GREETING,
    { ...complaint, deadlineAt: 'datetime' },
    ['您的投诉 {{trackingCode}} 已受理', '您反映的问题（查询码 {{trackingCode}}）已受理并交由责任单位办理。{{#deadlineAt}}办理时限：{{deadlineAt}}前。{{/deadlineAt}}', '办理进度：\n{{trackingUrl}}'],
    [
      'Your complaint {{trackingCode}} has been accepted',
      'We have accepted your complaint {{trackingCode}} and passed it to the unit responsible.{{#deadlineAt}} It is due to be handled by {{deadlineAt}}.{{/deadlineAt}}',
      'Follow it at:\n{{trackingUrl}}',
    ],
  ),
  'complaint.rejected': letter(
    REPORTER_GREETING,
    { trackingCode: 'string', reporterName: 'string', reason: 'string' },
    ['您的投诉 {{trackingCode}} 未予受理', '您反映的问题（查询码 {{trackingCode}}）未予受理，原因如下：', '{{reason}}'],
    ['Your complaint {{trackingCode}} was not accepted', 'We could not accept your complaint {{trackingCode}}. The reason:', '{{reason}}'],
  ),
  'complaint.handled': letter(
    REPORTER_GREETING,
    { ...complaint, reply: 'string' },
    ['您的投诉 {{trackingCode}} 办理答复', '您反映的问题（查询码 {{trackingCode}}）已办理，答复如下：', '{{reply}}', '办理进度：\n{{trackingUrl}}'],
    ['Reply to your complaint {{trackingCode}}', 'Your complaint {{trackingCode}} has been dealt with. The unit responsible replies:', '{{reply}}', 'Follow it at:\n{{trackingUrl}}'],
  ),
  'complaint.closed': letter(
    REPORTER_GREETING,
    complaint,
    ['您的投诉 {{trackingCode}} 已办结', '经现场核查，您反映的问题（查询码 {{trackingCode}}）已办结。稍后我们将请您对办理结果进行评价。', '办理进度：\n{{trackingUrl}}'],
    ['Your complaint {{trackingCode}} is closed', 'An inspector has checked on site, and your complaint {{trackingCode}} is closed. We will ask you shortly how satisfied you are.', 'Follow it at:\n{{trackingUrl}}'],
  ),
  'merchant.registered': letter(
    MERCHANT_GREETING,
    forMerchant,
    ['{{businessName}} 已完成商户登记', '{{businessName}} 已在城市管理综合行政执法局完成商户登记。您可通过商户账户提出诉求、参加商户座谈会。'],
    ['{{businessName}} is registered', '{{businessName}} is registered with the bureau. From your merchant account you can raise requests and take part in merchant forums.'],
  ),
  'merchant.request-answered': letter(
    MERCHANT_GREETING,
    { ...forMerchant, subject: 'string', answer: 'string' },
    ['您的诉求已答复：{{subject}}', '{{businessName}}提出的诉求“{{subject}}”已答复如下：', '{{answer}}'],
    ['Answer to your request: {{subject}}', 'The bureau has answered the request of {{businessName}} "{{subject}}":', '{{answer}}'],
  ),
  'merchant.forum-answer': letter(
    MERCHANT_GREETING,
    { ...forMerchant, actionItem: 'string', answer: 'string' },
    ['座谈会事项答复', '贵单位（{{businessName}}）在商户座谈会上反映的事项“{{actionItem}}”答复如下：', '{{answer}}'],
    ['Answer to an item raised at the merchant forum', 'At the merchant forum, {{businessName}} raised: "{{actionItem}}". The bureau answers:', '{{answer}}'],
  ),
  'merchant.forum-invitation': letter(
    MERCHANT_GREETING,
    { ...forMerchant, title: 'string', topic: 'string', startsAt: 'datetime', place: 'string' },
    ['商户座谈会邀请：{{title}}', '诚邀{{businessName}}参加商户座谈会“{{title}}”（议题：{{topic}}）。', '时间：{{startsAt}}\n地点：{{place}}'],
    ['Invitation to the merchant forum: {{title}}', '{{businessName}} is invited to the merchant forum "{{title}}" on {{topic}}.', 'When: {{startsAt}}\nWhere: {{place}}'],
  ),
  'staff.complaint-received': note(
    { trackingCode: 'string', receivedAt: 'datetime', channel: 'string', category: 'string' },
    ['新投诉 {{trackingCode}}', '{{receivedAt}} 经{{channel}}渠道收到投诉 {{trackingCode}}{{#category}}（类别：{{category}}）{{/category}}，待受理。'],
    ['New complaint {{trackingCode}}', 'Complaint {{trackingCode}} came in through {{channel}} at {{receivedAt}}{{#category}} (category {{category}}){{/category}} and awaits acceptance.'],
  ),
  'staff.complaint-accepted': note(
    { trackingCode: 'string', at: 'datetime' },
    ['投诉 {{trackingCode}} 已受理，待派遣', '投诉 {{trackingCode}} 已于 {{at}} 受理，请派遣。'],
    ['Complaint {{trackingCode}} accepted, to dispatch', 'Complaint {{trackingCode}} was accepted at {{at}}; please dispatch it.'],
  ),
  'staff.complaint-handling-started': note(
    { trackingCode: 'string', handlerId: 'string', at: 'datetime' },
    ['投诉 {{trackingCode}} 开始办理', '{{handlerId}} 于 {{at}} 开始办理投诉 {{trackingCode}}。'],
    ['Handling of {{trackingCode}} started', '{{handlerId}} started handling complaint {{trackingCode}} at {{at}}.'],
  ),
  'staff.complaint-verified': note(
    { trackingCode: 'string', passed: 'boolean', at: 'datetime' },
    ['投诉 {{trackingCode}} 已核查', '投诉 {{trackingCode}} 于 {{at}} 核查{{#passed}}通过，可办结{{/passed}}{{^passed}}未通过，已退回办理{{/passed}}。'],
    ['Complaint {{trackingCode}} verified', 'Complaint {{trackingCode}} was checked at {{at}}: {{#passed}}passed, ready to close{{/passed}}{{^passed}}not passed, back to handling{{/passed}}.'],
  ),
  'staff.complaint-reopened': note(
    { trackingCode: 'string', reason: 'string', reopenCount: 'number' },
    ['投诉 {{trackingCode}} 重新办理', '投诉 {{trackingCode}} 第 {{reopenCount}} 次重新办理，原因：{{reason}}'],
    ['Complaint {{trackingCode}} reopened', 'Complaint {{trackingCode}} was reopened (time {{reopenCount}}): {{reason}}'],
  ),
  'staff.complaint-overdue': note(
    { trackingCode: 'string', deadlineAt: 'datetime', handlingUnit: 'string' },
    ['投诉 {{trackingCode}} 已超期', '投诉 {{trackingCode}}（{{handlingUnit}}）办理时限 {{deadlineAt}} 已过。'],
    ['Complaint {{trackingCode}} is overdue', 'Complaint {{trackingCode}} ({{handlingUnit}}) was due by {{deadlineAt}}.'],
  ),
  'staff.complaint-escalated': note(
    { trackingCode: 'string', to: 'string', reason: 'string', handlingUnit: 'string' },
    ['投诉 {{trackingCode}} 已升级至 {{to}}', '投诉 {{trackingCode}}（{{handlingUnit}}）已升级至 {{to}}，原因：{{reason}}'],
    ['Complaint {{trackingCode}} escalated to {{to}}', 'Complaint {{trackingCode}} ({{handlingUnit}}) was escalated to {{to}}: {{reason}}'],
  ),
  'staff.complaint-marked-duplicate': note(
    { trackingCode: 'string', masterTrackingCode: 'string' },
    ['投诉 {{trackingCode}} 为重复件', '投诉 {{trackingCode}} 已并入 {{masterTrackingCode}}。'],
    ['Complaint {{trackingCode}} is a duplicate', 'Complaint {{trackingCode}} was merged into {{masterTrackingCode}}.'],
  ),
  'staff.complaint-rated': note(
    { trackingCode: 'string', score: 'number', resolved: 'boolean' },
    ['投诉 {{trackingCode}} 评价 {{score}} 分', '投诉 {{trackingCode}} 获评 {{score}} 分，{{#resolved}}问题已解决{{/resolved}}{{^resolved}}反映人称问题未解决{{/resolved}}。'],
    ['Complaint {{trackingCode}} rated {{score}}', 'Complaint {{trackingCode}} was rated {{score}}; {{#resolved}}resolved{{/resolved}}{{^resolved}}the reporter says it is not resolved{{/resolved}}.'],
  ),
  'staff.rectification-ordered': note(
    { trackingCode: 'string', noticeNumber: 'string', requirement: 'string', rectifyBy: 'datetime', handlingUnit: 'string' },
    ['整改通知书 {{noticeNumber}}', '投诉 {{trackingCode}} 已下达整改通知书 {{noticeNumber}}（{{handlingUnit}}），限 {{rectifyBy}} 前整改：{{requirement}}'],
    ['Rectification notice {{noticeNumber}}', 'Rectification notice {{noticeNumber}} was issued on complaint {{trackingCode}} ({{handlingUnit}}), due by {{rectifyBy}}: {{requirement}}'],
  ),
  'staff.merchant-request-submitted': note(
    { subject: 'string', kind: 'string', submittedAt: 'datetime' },
    ['商户诉求：{{subject}}', '{{submittedAt}} 收到商户诉求（{{kind}}）“{{subject}}”，待答复。'],
    ['Merchant request: {{subject}}', 'A merchant {{kind}} "{{subject}}" came in at {{submittedAt}} and awaits an answer.'],
  ),
  'staff.forum-held': note(
    { title: 'string', attendanceCount: 'number', invitedCount: 'number' },
    ['座谈会已召开：{{title}}', '商户座谈会“{{title}}”已召开，应邀 {{invitedCount}} 家，到会 {{attendanceCount}} 家。'],
    ['Forum held: {{title}}', 'The merchant forum "{{title}}" was held: {{attendanceCount}} of {{invitedCount}} invited merchants attended.'],
  ),
  'staff.case-registered': note(
    { caseId: 'string', category: 'string', procedure: 'string', at: 'datetime' },
    ['新立案：{{category}}', '案件 {{caseId}}（{{category}}，{{procedure}}程序）已于 {{at}} 立案。'],
    ['Case registered: {{category}}', 'Case {{caseId}} ({{category}}, {{procedure}} procedure) was registered at {{at}}.'],
  ),
  'staff.case-notice-issued': note(
    { caseId: 'string', 'proposed.fineFen': 'money', hearingRight: 'boolean', hearingRequestDueAt: 'datetime' },
    ['案件 {{caseId}} 已告知', '案件 {{caseId}} 已送达行政处罚告知书，拟罚款 {{proposed.fineFen}}。{{#hearingRight}}当事人享有听证权利{{#hearingRequestDueAt}}，申请期限至 {{hearingRequestDueAt}}{{/hearingRequestDueAt}}。{{/hearingRight}}'],
    [
      'Notice issued on case {{caseId}}',
      'The notice of intended penalty on case {{caseId}} proposes a fine of {{proposed.fineFen}}.{{#hearingRight}} The party may ask for a hearing{{#hearingRequestDueAt}} until {{hearingRequestDueAt}}{{/hearingRequestDueAt}}.{{/hearingRight}}',
    ],
  ),
  'staff.case-decided': note(
    { caseId: 'string', outcome: 'string', serviceDueAt: 'datetime' },
    ['案件 {{caseId}} 已决定', '案件 {{caseId}} 已作出决定（{{outcome}}），决定书应于 {{serviceDueAt}} 前送达。'],
    ['Case {{caseId}} decided', 'Case {{caseId}} was decided ({{outcome}}); the decision is to be served by {{serviceDueAt}}.'],
  ),
  'staff.case-served': note(
    { caseId: 'string', servedAt: 'datetime', method: 'string', paymentDueAt: 'datetime' },
    ['案件 {{caseId}} 决定书已送达', '案件 {{caseId}} 的决定书已于 {{servedAt}} 以{{method}}方式送达。{{#paymentDueAt}}缴款期限：{{paymentDueAt}}。{{/paymentDueAt}}'],
    ['Decision on case {{caseId}} served', 'The decision on case {{caseId}} was served at {{servedAt}} ({{method}}).{{#paymentDueAt}} Payment is due by {{paymentDueAt}}.{{/paymentDueAt}}'],
  ),
  'staff.case-closed': note(
    { caseId: 'string', paidFen: 'money' },
    ['案件 {{caseId}} 已结案', '案件 {{caseId}} 已结案，已缴 {{paidFen}}。'],
    ['Case {{caseId}} closed', 'Case {{caseId}} is closed; {{paidFen}} paid.'],
  ),
  'staff.case-deadline-warning': note(
    { caseId: 'string', deadline: 'string', dueAt: 'datetime' },
    ['案件 {{caseId}} 期限将至', '案件 {{caseId}} 的期限（{{deadline}}）将于 {{dueAt}} 届满。'],
    ['Case {{caseId}}: deadline near', 'The {{deadline}} deadline of case {{caseId}} ends at {{dueAt}}.'],
  ),
  'staff.case-deadline-overdue': note(
    { caseId: 'string', deadline: 'string', dueAt: 'datetime' },
    ['案件 {{caseId}} 已超期', '案件 {{caseId}} 的期限（{{deadline}}）已于 {{dueAt}} 届满。'],
    ['Case {{caseId}}: deadline passed', 'The {{deadline}} deadline of case {{caseId}} ended at {{dueAt}}.'],
  ),
  'staff.case-education-given': note(
    { caseId: 'string', category: 'string', rectifyBy: 'datetime' },
    ['案件 {{caseId}} 已教育劝导', '案件 {{caseId}}（{{category}}）已对当事人教育劝导，限 {{rectifyBy}} 前改正。'],
    ['Case {{caseId}}: education given', 'The party in case {{caseId}} ({{category}}) was educated and is to put it right by {{rectifyBy}}.'],
  ),
  'staff.case-rectification-ordered': note(
    { caseId: 'string', category: 'string', basis: 'string', rectifyBy: 'datetime' },
    ['案件 {{caseId}} 已责令改正', '案件 {{caseId}}（{{category}}）已责令限期改正，依据：{{basis}}，期限：{{rectifyBy}}。请届时复查。'],
    ['Case {{caseId}}: rectification ordered', 'Rectification was ordered in case {{caseId}} ({{category}}) under {{basis}}, due by {{rectifyBy}}. Please inspect then.'],
  ),
  'staff.case-follow-up-inspected': note(
    { caseId: 'string', rectified: 'boolean' },
    ['案件 {{caseId}} 已复查', '案件 {{caseId}} 复查结果：{{#rectified}}已改正{{/rectified}}{{^rectified}}未改正{{/rectified}}。'],
    ['Case {{caseId}} inspected again', 'Follow-up inspection of case {{caseId}}: {{#rectified}}put right{{/rectified}}{{^rectified}}not put right{{/rectified}}.'],
  ),
  'staff.referral-submitted': note(
    { referringDepartment: 'string', category: 'string', at: 'datetime' },
    ['{{referringDepartment}} 移送案件线索', '{{referringDepartment}} 于 {{at}} 移送案件线索（{{category}}），待审查立案。'],
    ['Referral from {{referringDepartment}}', '{{referringDepartment}} referred a matter ({{category}}) at {{at}}; it awaits review for a case.'],
  ),
  'staff.case-registration-refused': note(
    { caseId: 'string', reason: 'string' },
    ['案件 {{caseId}} 不予立案', '案件线索 {{caseId}} 不予立案，理由：{{reason}}'],
    ['Case {{caseId}} not registered', 'Case {{caseId}} was not registered: {{reason}}'],
  ),
  'staff.case-evidence-recorded': note(
    { caseId: 'string', recordedBy: 'string', at: 'datetime' },
    ['案件 {{caseId}} 已取证', '{{recordedBy}} 于 {{at}} 为案件 {{caseId}} 登记了证据。'],
    ['Evidence recorded in case {{caseId}}', '{{recordedBy}} recorded evidence in case {{caseId}} at {{at}}.'],
  ),
  'staff.case-statement-received': note(
    { caseId: 'string', at: 'datetime' },
    ['案件 {{caseId}} 收到陈述申辩', '案件 {{caseId}} 于 {{at}} 收到当事人的陈述申辩，请复核。'],
    ['Statement received in case {{caseId}}', "The party's statement in case {{caseId}} came in at {{at}}; please consider it."],
  ),
  'staff.case-hearing-requested': note(
    { caseId: 'string', at: 'datetime' },
    ['案件 {{caseId}} 申请听证', '案件 {{caseId}} 的当事人于 {{at}} 申请听证，请安排。'],
    ['Hearing requested in case {{caseId}}', 'The party in case {{caseId}} asked for a hearing at {{at}}; please schedule it.'],
  ),
  'staff.case-hearing-scheduled': note(
    { caseId: 'string', scheduledFor: 'datetime' },
    ['案件 {{caseId}} 听证已安排', '案件 {{caseId}} 的听证定于 {{scheduledFor}}。'],
    ['Hearing scheduled in case {{caseId}}', 'The hearing in case {{caseId}} is set for {{scheduledFor}}.'],
  ),
  'staff.case-hearing-held': note(
    { caseId: 'string', at: 'datetime' },
    ['案件 {{caseId}} 已听证', '案件 {{caseId}} 已于 {{at}} 举行听证。'],
    ['Hearing held in case {{caseId}}', 'The hearing in case {{caseId}} was held at {{at}}.'],
  ),
  'staff.case-legal-reviewed': note(
    { caseId: 'string', approved: 'boolean' },
    ['案件 {{caseId}} 法制审核{{#approved}}通过{{/approved}}{{^approved}}未通过{{/approved}}', '案件 {{caseId}} 的法制审核{{#approved}}已通过，可作出决定{{/approved}}{{^approved}}未通过，请补正{{/approved}}。'],
    ['Legal review of case {{caseId}}: {{#approved}}approved{{/approved}}{{^approved}}not approved{{/approved}}', 'The legal review of case {{caseId}} {{#approved}}approved it; the decision may be made{{/approved}}{{^approved}}did not approve it; please put it right{{/approved}}.'],
  ),
  'staff.case-paid': note(
    { caseId: 'string', amountFen: 'money', paidFen: 'money' },
    ['案件 {{caseId}} 已缴款', '案件 {{caseId}} 收到缴款 {{amountFen}}，累计已缴 {{paidFen}}。'],
    ['Payment in case {{caseId}}', 'A payment of {{amountFen}} came in for case {{caseId}}; {{paidFen}} paid in all.'],
  ),
  'staff.case-suspended': note(
    { caseId: 'string', reason: 'string' },
    ['案件 {{caseId}} 已中止', '案件 {{caseId}} 已中止，理由：{{reason}}'],
    ['Case {{caseId}} suspended', 'Case {{caseId}} was suspended: {{reason}}'],
  ),
  'staff.case-resumed': note(
    { caseId: 'string', at: 'datetime' },
    ['案件 {{caseId}} 已恢复', '案件 {{caseId}} 已于 {{at}} 恢复办理。'],
    ['Case {{caseId}} resumed', 'Case {{caseId}} was resumed at {{at}}.'],
  ),
  'staff.case-terminated': note(
    { caseId: 'string', reason: 'string' },
    ['案件 {{caseId}} 已终止', '案件 {{caseId}} 已终止，理由：{{reason}}'],
    ['Case {{caseId}} terminated', 'Case {{caseId}} was terminated: {{reason}}'],
  ),
  'staff.case-archived': note(
    { caseId: 'string', at: 'datetime' },
    ['案件 {{caseId}} 已归档', '案件 {{caseId}} 已于 {{at}} 归档。'],
    ['Case {{caseId}} archived', 'Case {{caseId}} was archived at {{at}}.'],
  ),
  'staff.case-decision-deadline-extended': note(
    { caseId: 'string', days: 'number', decisionDueAt: 'datetime' },
    ['案件 {{caseId}} 办案期限延长', '案件 {{caseId}} 的办案期限已延长 {{days}} 日{{#decisionDueAt}}，至 {{decisionDueAt}}{{/decisionDueAt}}。'],
    ['Case {{caseId}}: time to decide extended', 'The time to decide case {{caseId}} was extended by {{days}} days{{#decisionDueAt}}, to {{decisionDueAt}}{{/decisionDueAt}}.'],
  ),
  'staff.officer-certified': note(
    { officerId: 'string', certificateNumber: 'string', validUntil: 'date', renewal: 'boolean' },
    ['执法证{{#renewal}}换证{{/renewal}}{{^renewal}}核发{{/renewal}}：{{officerId}}', '执法人员 {{officerId}} 的执法证 {{certificateNumber}} 已{{#renewal}}换发{{/renewal}}{{^renewal}}核发{{/renewal}}，有效期至 {{validUntil}}。'],
    ['Certificate {{#renewal}}renewed{{/renewal}}{{^renewal}}issued{{/renewal}}: {{officerId}}', "Officer {{officerId}}'s certificate {{certificateNumber}} was {{#renewal}}renewed{{/renewal}}{{^renewal}}issued{{/renewal}}; valid until {{validUntil}}."],
  ),
  'staff.officer-complaint-concluded': note(
    { officerId: 'string', finding: 'string' },
    ['对执法人员 {{officerId}} 的投诉已办结', '对执法人员 {{officerId}} 的投诉调查已办结，结论：{{finding}}。'],
    ['Complaint about officer {{officerId}} concluded', 'The complaint about officer {{officerId}} was investigated and concluded: {{finding}}.'],
  ),
  'staff.officer-assessed': note(
    { officerId: 'string', periodFrom: 'date', periodTo: 'date', score: 'number' },
    ['执法人员 {{officerId}} 考核结果', '执法人员 {{officerId}} {{periodFrom}} 至 {{periodTo}} 的考核结果已发布{{#score}}，得分 {{score}}{{/score}}。'],
    ['Assessment of officer {{officerId}}', 'The assessment of officer {{officerId}} for {{periodFrom}} to {{periodTo}} is published{{#score}}: score {{score}}{{/score}}.'],
  ),
  'staff.task-assigned': note(
    { trackingCode: 'string', category: 'string', deadlineAt: 'datetime' },
    ['协办任务：{{trackingCode}}', '投诉 {{trackingCode}}（{{category}}）已交贵部门协办，请于 {{deadlineAt}} 前办结。'],
    ['Task for your department: {{trackingCode}}', 'Complaint {{trackingCode}} ({{category}}) was passed to your department; it is due by {{deadlineAt}}.'],
  ),
  'staff.task-accepted': note(
    { trackingCode: 'string', department: 'string' },
    ['{{department}} 已接收任务 {{trackingCode}}', '{{department}} 已接收投诉 {{trackingCode}} 的协办任务。'],
    ['{{department}} took task {{trackingCode}}', '{{department}} accepted the task for complaint {{trackingCode}}.'],
  ),
  'staff.task-returned': note(
    { trackingCode: 'string', department: 'string', reason: 'string' },
    ['{{department}} 退回任务 {{trackingCode}}', '{{department}} 退回了投诉 {{trackingCode}} 的协办任务，原因：{{reason}}'],
    ['{{department}} returned task {{trackingCode}}', '{{department}} returned the task for complaint {{trackingCode}}: {{reason}}'],
  ),
  'staff.task-completed': note(
    { trackingCode: 'string', department: 'string' },
    ['{{department}} 已办结任务 {{trackingCode}}', '{{department}} 已办结投诉 {{trackingCode}} 的协办任务，请核查。'],
    ['{{department}} completed task {{trackingCode}}', '{{department}} completed the task for complaint {{trackingCode}}; please check it.'],
  ),
  'department.complaint-dispatched': note(
    { trackingCode: 'string', category: 'string', deadlineAt: 'datetime', 'target.handlingUnit': 'string' },
    ['派遣投诉 {{trackingCode}}', '投诉 {{trackingCode}}（{{category}}）已派遣，跟进单位：{{target.handlingUnit}}，时限：{{deadlineAt}}。'],
    ['Complaint {{trackingCode}} dispatched', 'Complaint {{trackingCode}} ({{category}}) was dispatched, followed up by {{target.handlingUnit}}, due by {{deadlineAt}}.'],
  ),
  'department.task-assigned': note(
    { trackingCode: 'string', category: 'string', deadlineAt: 'datetime', handlingUnit: 'string' },
    ['协办任务 {{trackingCode}}', '投诉 {{trackingCode}}（{{category}}）交贵部门协办，跟进单位：{{handlingUnit}}，时限：{{deadlineAt}}。'],
    ['Task {{trackingCode}}', 'Complaint {{trackingCode}} ({{category}}) is passed to your department, followed up by {{handlingUnit}}, due by {{deadlineAt}}.'],
  ),
};

/** One stored row per key and language. */
export function defaultTemplateRows(): Array<{ key: string; locale: Locale; template: TemplateText }> {
  return Object.entries(DEFAULT_TEMPLATES).flatMap(([key, template]) =>
    (['zh-CN', 'en'] as const).map((locale) => ({ key, locale, template: { ...template[locale], html: null, variables: template.variables } })),
  );
}
