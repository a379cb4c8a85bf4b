import { open311Status, publicText, toServiceRequest, type ServiceRequestSource } from './service-request.view';

const source: ServiceRequestSource = {
  trackingCode: 'CF-7K3M-Q9TX',
  status: 'in_handling',
  category: 'street-vending',
  description: 'A stall blocks the pavement',
  reply: null,
  rejectionReason: null,
  handlingUnit: 'street-order-team',
  receivedAt: new Date('2026-11-25T08:00:00.123Z'),
  updatedAt: null,
  deadlineAt: new Date('2026-11-25T10:00:00Z'),
  address: '88 Renmin Road',
  lat: 31.2304,
  lng: 121.4737,
  channel: 'web',
  reporterName: 'Wang Fang',
  reporterEmail: 'wang@example.org',
  reporterPhone: '+86 138 0013 8000',
};

describe('open311Status', () => {
  it('counts rejected, closed and evaluated as closed, everything else as open', () => {
    expect(['rejected', 'closed', 'evaluated'].map(open311Status)).toEqual(['closed', 'closed', 'closed']);
    expect(['received', 'accepted', 'dispatched', 'in_handling', 'handled', 'verified', 'reopened'].map(open311Status)).toEqual(Array(7).fill('open'));
  });
});

describe('toServiceRequest', () => {
  it('maps the complaint to the GeoReport fields, without the reporter', () => {
    const request = toServiceRequest(source, 'Street vending', 'https://img.example.org/1.jpg', false);
    expect(request).toEqual({
      service_request_id: 'CF-7K3M-Q9TX',
      status: 'open',
      status_notes: null,
      service_name: 'Street vending',
      service_code: 'street-vending',
      description: 'A stall blocks the pavement',
      agency_responsible: 'street-order-team',
      service_notice: null,
      requested_datetime: '2026-11-25T08:00:00Z',
      updated_datetime: '2026-11-25T08:00:00Z',
      expected_datetime: '2026-11-25T10:00:00Z',
      address: '88 Renmin Road',
      address_id: null,
      zipcode: null,
      lat: 31.2304,
      long: 121.4737,
      media_url: 'https://img.example.org/1.jpg',
    });
    expect(JSON.stringify(request)).not.toMatch(/Wang|wang@|138/);
  });

  it('adds the detailed status under extended_attributes when asked', () => {
    expect(toServiceRequest(source, null, null, true)).toMatchObject({ extended_attributes: { detailed_status: 'in_handling', channel: 'web' } });
  });

  it('gives the reply as status notes, or the reason of a rejection', () => {
    expect(toServiceRequest({ ...source, status: 'handled', reply: 'The stall has moved on.' }, null, null, false).status_notes).toBe('The stall has moved on.');
    expect(toServiceRequest({ ...source, status: 'rejected', rejectionReason: 'Not in our area' }, null, null, false)).toMatchObject({ status: 'closed', status_notes: 'Not in our area' });
  });
});

describe('publicText', () => {
  it("masks the reporter's own name, e-mail and phone wherever they stand", () => {
    const text = publicText('Wang Fang here, write to WANG@example.org or call +86 138 0013 8000', source);
    expect(text).not.toMatch(/Wang Fang|wang@example\.org|0013 8000/i);
    expect(text).toContain('W*** ****');
  });

  it('masks any e-mail address, mainland mobile number and identity number in the text', () => {
    expect(publicText('neighbour li@example.com 13912345678 id 11010119900307123X', { reporterName: null, reporterEmail: null, reporterPhone: null })).toBe(
      'neighbour l***@example.com 139****5678 id 110***********123X',
    );
  });

  it('masks a Chinese name inside a sentence but a Latin one only as a whole word', () => {
    expect(publicText('我是王芳，摊位在门口', { reporterName: '王芳', reporterEmail: null, reporterPhone: null })).toBe('我是王*，摊位在门口');
    expect(publicText('Zhao  Lei called; Lei Zhao again', { reporterName: 'Lei Zhao', reporterEmail: null, reporterPhone: null })).toBe('Z*** *** called; L** **** again');
    expect(publicText('Li says the lights are out', { reporterName: 'Li', reporterEmail: null, reporterPhone: null })).toBe('L* says the lights are out');
  });
});
