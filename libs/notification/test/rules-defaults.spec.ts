import { EVENT_CATALOGUE } from '@civicflow/contracts';
import { DEFAULT_RULES, defaultRuleKey } from '../src/rules/default-rules';
import { ANSWERED_IN_CODE, isOwnEvent, ruleProblems } from '../src/rules/rule';
import { DEFAULT_TEMPLATES } from '../src/templates/default-templates';
import { renderTemplate, templateProblems } from '../src/templates/template-text';

const lookup = (key: string) => {
  const template = DEFAULT_TEMPLATES[key];
  return template && { 'zh-CN': template.variables, en: template.variables };
};

describe('the default rules and templates', () => {
  it('give every event type another service publishes at least one rule (or say which component answers it in code)', () => {
    const ruled = new Set(DEFAULT_RULES.map((rule) => rule.eventType));
    const missing = EVENT_CATALOGUE.map((definition) => definition.type).filter((type) => !isOwnEvent(type) && !ruled.has(type) && !(type in ANSWERED_IN_CODE));
    expect(missing).toEqual([]);
    const catalogue = new Set<string>(EVENT_CATALOGUE.map((definition) => definition.type));
    expect(Object.keys(ANSWERED_IN_CODE).filter((type) => !catalogue.has(type) || ruled.has(type))).toEqual([]);
  });

  it('are each valid: known event, findable audience, reachable channels, template variables the event supplies', () => {
    const problems = DEFAULT_RULES.flatMap((rule) => ruleProblems(rule, lookup).map((problem) => `${defaultRuleKey(rule)}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('name each rule once, and say why a rule ships switched off', () => {
    const keys = DEFAULT_RULES.map(defaultRuleKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(DEFAULT_RULES.filter((rule) => !rule.enabled && !rule.note)).toEqual([]);
  });

  it('have a template in both languages for every rule, with only declared placeholders, and none left unused', () => {
    for (const rule of DEFAULT_RULES) expect(DEFAULT_TEMPLATES[rule.template]).toBeDefined();
    const used = new Set(DEFAULT_RULES.map((rule) => rule.template));
    expect(Object.keys(DEFAULT_TEMPLATES).filter((key) => !used.has(key))).toEqual([]);
    for (const [key, template] of Object.entries(DEFAULT_TEMPLATES)) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect([key, locale, templateProblems({ ...template[locale], variables: template.variables })]).toEqual([key, locale, []]);
      }
    }
  });

  it('render every default template from its event contract example, with no placeholder left over', () => {
    const { buildExampleEvent, findEventDefinition } = jest.requireActual('@civicflow/contracts');
    for (const rule of DEFAULT_RULES) {
      const example = buildExampleEvent(findEventDefinition(rule.eventType)).data as Record<string, unknown>;
      const source = { ...example, trackingUrl: 'https://civicflow.example/t', reporterName: '张三', businessName: 'Shop', contactName: '王建国' };
      const template = DEFAULT_TEMPLATES[rule.template];
      for (const locale of ['zh-CN', 'en'] as const) {
        const rendered = renderTemplate({ ...template[locale], variables: template.variables }, source, locale);
        expect(rendered.subject).not.toMatch(/\{\{|\}\}/);
        expect(rendered.text).not.toMatch(/\{\{|\}\}/);
        expect(rendered.subject.length).toBeGreaterThan(0);
      }
    }
  });
});
