import { renderTemplate, templateProblems } from '../src/templates/template-text';
import { suppliedVariables, unsuppliedVariables } from '../src/templates/template-variables';

describe('template text', () => {
  it('writes each typed value as the recipient reads it: Beijing time, yuan from fen, a bare date as its day', () => {
    const template = {
      subject: 'Case {{caseId}}',
      text: '{{fine}} by {{dueAt}} (from {{validFrom}}), {{count}} items{{#hearingRight}}, hearing possible{{/hearingRight}}',
      variables: { caseId: 'string', fine: 'money', dueAt: 'datetime', validFrom: 'date', count: 'number', hearingRight: 'boolean' } as const,
    };
    const source = { caseId: 'c-1', fine: 50_000, dueAt: '2026-03-04T16:00:00Z', validFrom: '2026-07-01', count: 12_345, hearingRight: true };
    expect(renderTemplate(template, source, 'en').text).toBe('CN¥500.00 by March 5, 2026 at 12:00 AM (from July 1, 2026), 12,345 items, hearing possible');
    expect(renderTemplate(template, source, 'zh-CN').text).toBe('¥500.00 by 2026年3月5日 00:00 (from 2026年7月1日), 12,345 items, hearing possible');
  });

  it('renders only declared variables, keeps subjects on one line and escapes only the HTML part', () => {
    const rendered = renderTemplate(
      { subject: 'Re: {{title}}', text: 'Dear {{name}}: {{secret}}', html: '<p>{{name}}</p>', variables: { title: 'string', name: 'string' } },
      { title: 'two\nlines', name: 'Tom & <Jerry>', secret: 'not declared' },
      'en',
    );
    expect(rendered).toEqual({ subject: 'Re: two lines', text: 'Dear Tom & <Jerry>: ', html: '<p>Tom &amp; &lt;Jerry&gt;</p>' });
  });

  it('names every problem of a template', () => {
    expect(templateProblems({ subject: '{{#a}}', text: '{{b}} {{c.d}}', html: '{{{b}}}', variables: { b: 'string', 'c.d': 'string', 'bad name': 'string' } as never })).toEqual([
      'variable name "bad name" must be letters and digits, nested by "."',
      'subject: Unclosed section "a" at 6',
      'html: placeholder b must be escaped ({{b}}, not {{{b}}} or {{& b}})',
    ]);
  });

  it('reads what an event supplies from its contract, nested fields and nullable unions included', () => {
    const triaged = suppliedVariables('complaints.complaint.triaged.v1', 'reporter');
    expect(triaged?.get('route.department')).toEqual({ type: 'string', optional: true });
    expect(triaged?.get('deadlineAt')).toEqual({ type: 'datetime', optional: false });
    expect(triaged?.get('trackingUrl')).toEqual({ type: 'url', optional: false });
    expect(triaged?.get('reporterName')).toEqual({ type: 'string', optional: true });
    expect(suppliedVariables('enforcement.officer.assessed.v1', 'staff')?.get('score')).toEqual({ type: 'number', optional: true });
    expect(unsuppliedVariables({ trackingUrl: 'url' }, 'enforcement.case.closed.v1', 'staff')).toEqual(['variable trackingUrl is not supplied by enforcement.case.closed.v1 to the staff audience']);
  });
});
