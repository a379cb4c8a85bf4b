import { simpleParser } from 'mailparser';
import { addressIn, descriptionOf, localeOf, MailRefusedError, readIntakeMail, trackingCodesIn } from './intake-mail';

async function read(headers: string[], body = 'Address: 88 Renmin Road\r\nA stall blocks the pavement.') {
  return readIntakeMail(await simpleParser([...headers, 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n')));
}

async function refusal(headers: string[], body?: string): Promise<MailRefusedError> {
  try {
    await read(headers, body);
  } catch (error) {
    if (error instanceof MailRefusedError) return error;
    throw error;
  }
  throw new Error('the message was not refused');
}

describe('readIntakeMail', () => {
  it('takes the sender (address lower-cased, name from the display name), subject, text and message ids', async () => {
    const mail = await read([
      'From: "Wang Fang" <Wang.Fang@Example.ORG>',
      'To: complaints@civicflow.local',
      'Subject: Stall on Renmin Road',
      'Message-ID: <m-1@mail.example.org>',
      'In-Reply-To: <ack-1@civicflow.local>',
      'References: <m-0@mail.example.org> <ack-1@civicflow.local>',
    ]);
    expect(mail).toMatchObject({
      messageId: 'm-1@mail.example.org',
      referencedIds: ['ack-1@civicflow.local', 'm-0@mail.example.org'],
      sender: { address: 'wang.fang@example.org', name: 'Wang Fang' },
      subject: 'Stall on Renmin Road',
      text: 'Address: 88 Renmin Road\nA stall blocks the pavement.',
      attachments: [],
    });
  });

  it('makes up a message id for a message without one, so that it is still recorded', async () => {
    const mail = await read(['From: wang@example.org', 'Subject: x']);
    expect(mail.messageId).toMatch(/@intake\.civicflow\.invalid$/);
    expect(mail.sender).toEqual({ address: 'wang@example.org' });
  });

  it('reads an HTML-only message as text', async () => {
    const mail = readIntakeMail(
      await simpleParser(['From: wang@example.org', 'Subject: Lamp', 'Content-Type: text/html; charset=utf-8', '', '<p>Address: 5 Park Lane<br>The lamp &amp; the pole are broken.</p>'].join('\r\n')),
    );
    expect(mail.text).toBe('Address: 5 Park Lane\nThe lamp & the pole are broken.');
  });

  it.each([
    ['X-Spam-Flag: YES', 'SpamAssassin'],
    ['X-Spam: Yes', 'rspamd'],
  ])('refuses a message an upstream filter marked as spam (%s, %s)', async (header) => {
    expect((await refusal(['From: wang@example.org', 'Subject: x', header])).reason).toBe('spam');
  });

  it('takes a message the filter looked at and passed', async () => {
    await expect(read(['From: wang@example.org', 'Subject: x', 'X-Spam-Flag: NO'])).resolves.toBeDefined();
  });

  it('refuses a message without a From address, or with one that is not an address', async () => {
    expect((await refusal(['Subject: x'])).reason).toBe('no_sender');
    expect((await refusal(['From: Wang Fang', 'Subject: x'])).reason).toBe('no_sender');
    expect((await refusal(['From: <wang@@example.org>', 'Subject: x'])).reason).toBe('no_sender');
  });

  it('refuses a message with no subject, no text and no attachment', async () => {
    const refused = await refusal(['From: wang@example.org'], '  \r\n');
    expect(refused).toMatchObject({ reason: 'empty', responseCode: 550 });
  });
});

describe('addressIn', () => {
  it.each([
    ['Address: 88 Renmin Road', '88 Renmin Road'],
    ['  location : Gate 3, Century Park ', 'Gate 3, Century Park'],
    ['地址：人民路 88 号门口', '人民路 88 号门口'],
    ['地点:复兴路 12 弄', '复兴路 12 弄'],
  ])('reads %j', (line, address) => {
    expect(addressIn(`Hello,\n${line}\nThanks`)).toBe(address);
  });

  it('takes the first such line', () => {
    expect(addressIn('Address: first\nAddress: second')).toBe('first');
  });

  it('finds nothing in a text that only mentions an address, or leaves it empty', () => {
    expect(addressIn('The stall at 88 Renmin Road is back. My address: is private')).toBeUndefined();
    expect(addressIn('Address:   \nno place')).toBeUndefined();
  });
});

describe('trackingCodesIn', () => {
  it('finds the codes an acknowledgement subject carries, in any case', () => {
    expect(trackingCodesIn('Re: 您的投诉已收到，查询码 CF-7K3M-Q9TX')).toEqual(['CF-7K3M-Q9TX']);
    expect(trackingCodesIn('re: cf-7k3m-q9tx and CF-2M8P-4RTZ')).toEqual(['CF-7K3M-Q9TX', 'CF-2M8P-4RTZ']);
    expect(trackingCodesIn('Re: XCF-7K3M-Q9TX1')).toEqual([]);
  });
});

describe('descriptionOf', () => {
  it('is the subject, a blank line and the text', () => {
    expect(descriptionOf({ subject: 'Lamp', text: 'It is broken.' })).toBe('Lamp\n\nIt is broken.');
    expect(descriptionOf({ subject: '', text: 'It is broken.' })).toBe('It is broken.');
  });

  it('is cut to the 5000 characters the received event allows', () => {
    const description = descriptionOf({ subject: '路灯', text: '坏'.repeat(6000) });
    expect(Array.from(description)).toHaveLength(5000);
    expect(description.endsWith('…')).toBe(true);
  });
});

describe('localeOf', () => {
  it('answers in Chinese a message with Chinese in it, in English otherwise', () => {
    expect(localeOf({ subject: 'Re: CF-7K3M-Q9TX', text: '还是没有人处理' })).toBe('zh-CN');
    expect(localeOf({ subject: 'Broken lamp', text: 'Address: 5 Park Lane' })).toBe('en');
  });
});
