import { escapeXml, toXml } from './open311-xml';

describe('toXml', () => {
  it('writes lists in the GeoReport element names, null as an empty element and booleans as words', () => {
    expect(toXml('service_requests', [{ service_request_id: 'CF-7K3M-Q9TX', account_id: null, metadata: true, lat: 31.5 }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<service_requests><request><service_request_id>CF-7K3M-Q9TX</service_request_id><account_id/><metadata>true</metadata><lat>31.5</lat></request></service_requests>\n',
    );
  });

  it('nests lists inside objects: attributes of a definition, values of an attribute', () => {
    expect(toXml('service_definition', { attributes: [{ code: 'hide_name', values: [{ key: 'true', name: 'Never' }] }] })).toContain(
      '<attributes><attribute><code>hide_name</code><values><value><key>true</key><name>Never</name></value></values></attribute></attributes>',
    );
  });

  it('escapes markup in text and drops characters XML 1.0 cannot carry', () => {
    expect(escapeXml('<b>"Tom" & \'Jerry\'</b>\u0007\uD800')).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;');
    expect(escapeXml('井盖 😀')).toBe('井盖 😀');
  });

  it('refuses a list it has no item element for, rather than writing invalid XML', () => {
    expect(() => toXml('things', ['a'])).toThrow(/no item element/);
  });
});
