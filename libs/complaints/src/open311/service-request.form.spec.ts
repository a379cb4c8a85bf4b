import { complaintDescription, fullName, readServiceRequestForm } from './service-request.form';

/** Thrown as the GeoReport error of this status, with a description matching `description`. */
const refusedWith = (status: number, description: RegExp) => expect.objectContaining({ status, message: expect.stringMatching(description) });

describe('readServiceRequestForm', () => {
  it('reads location, reporter, media link and attributes', () => {
    expect(
      readServiceRequestForm({
        api_key: 'k',
        service_code: 'street-vending',
        lat: '31.2304',
        long: '121.4737',
        address_string: ' 88 Renmin Road ',
        first_name: 'Fang',
        last_name: 'Wang',
        email: 'wang@example.org',
        phone: '+86 138 0013 8000',
        description: 'A stall blocks the pavement',
        media_url: 'https://img.example.org/1.jpg',
        device_id: 'abc',
        'attribute[hide_name]': 'true',
        'attribute[location_detail]': 'lamp post 17',
      }),
    ).toEqual({
      location: { lat: 31.2304, lng: 121.4737, address: '88 Renmin Road' },
      description: 'A stall blocks the pavement',
      mediaUrl: 'https://img.example.org/1.jpg',
      reporter: { name: 'Fang Wang', email: 'wang@example.org', phone: '+86 138 0013 8000' },
      attributes: { hideName: true, locationDetail: 'lamp post 17' },
    });
  });

  it('takes an address alone, and a request without a reporter', () => {
    expect(readServiceRequestForm({ address_string: '人民路 88 号' })).toMatchObject({ location: { address: '人民路 88 号' }, reporter: {}, attributes: { hideName: false } });
  });

  it.each([
    [{}, /a location is required/],
    [{ address_id: '77' }, /address_id is not resolved/],
    [{ lat: '31.2' }, /lat and long go together/],
    [{ lat: '91', long: '0' }, /lat must be a decimal number from -90 to 90/],
    [{ lat: '0x1f', long: '0' }, /lat must be a decimal number/],
    [{ address_string: 'x', email: 'not-an-address' }, /email must be an e-mail address/],
    [{ address_string: 'x', phone: 'call me' }, /phone must be a phone number/],
    [{ address_string: 'x', media_url: 'javascript:alert(1)' }, /media_url must be an absolute http or https URL/],
    [{ address_string: 'x', 'attribute[hide_name]': 'maybe' }, /attribute\[hide_name\] must be one of false, true/],
    [{ address_string: 'x', 'attribute[colour]': 'red' }, /no attribute "colour" is defined/],
    [{ address_string: 'x', 'attribute[location_detail]': 'x'.repeat(201) }, /at most 200 characters/],
    [{ address_string: 'x', nickname: 'n' }, /unknown parameter nickname/],
  ])('refuses %j with a 400', (params, message) => {
    expect(() => readServiceRequestForm(params)).toThrow(refusedWith(400, message));
  });
});

describe('fullName', () => {
  it('writes a Chinese name family name first and a Latin one given name first', () => {
    expect(fullName('芳', '王')).toBe('王芳');
    expect(fullName('Fang', 'Wang')).toBe('Fang Wang');
    expect(fullName(undefined, 'Wang')).toBe('Wang');
    expect(fullName(undefined, undefined)).toBeUndefined();
  });
});

describe('complaintDescription', () => {
  it('uses the service name when the client sent no description, and adds the location detail', () => {
    expect(complaintDescription({ attributes: { hideName: false, locationDetail: '17 号路灯杆' } }, '井盖缺失或破损', 'zh-CN')).toBe('井盖缺失或破损\n具体位置: 17 号路灯杆');
    expect(complaintDescription({ description: 'Open hole', attributes: { hideName: false } }, 'Manhole', 'en')).toBe('Open hole');
  });
});
