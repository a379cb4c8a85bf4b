import { createHash, randomBytes } from 'node:crypto';
import { Role } from '@civicflow/auth';
import type { TestHost } from '@civicflow/testing';
import { startComplaintsHost } from './complaints-test-host';

// Above the host's 1 MiB body limit for JSON, which must not cut uploads short.
const MAX_BYTES = 3 * 1024 * 1024;
const MAX_PER_COMPLAINT = 3;

const jpeg = (size = 2048) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Upload {
  name: string;
  type: string;
  bytes: Buffer;
}

interface MediaItem {
  id: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

describe('photos and videos of a complaint, over HTTP on PostgreSQL', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startComplaintsHost('media', { MEDIA_MAX_BYTES: String(MAX_BYTES), MEDIA_MAX_PER_COMPLAINT: String(MAX_PER_COMPLAINT) });
  });

  afterAll(() => host?.close());

  async function newComplaint(): Promise<{ trackingCode: string; id: string }> {
    const response = await host.request('/api/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'A stall blocks the pavement', location: { address: '88 Renmin Road' } }),
    });
    expect(response.status).toBe(201);
    const { trackingCode } = (await response.json()) as { trackingCode: string };
    const [{ id }] = await host.query<{ id: string }>('SELECT id FROM complaints.complaint WHERE tracking_code = $1', [trackingCode]);
    return { trackingCode, id };
  }

  function upload(trackingCode: string, files: Upload[]): Promise<Response> {
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([file.bytes], { type: file.type }), file.name);
    return host.request(`/api/v1/complaints/${trackingCode}/media`, { method: 'POST', body: form });
  }

  async function stored(complaintId: string): Promise<Array<{ filename: string; sha256: string; bytes: Buffer; channel: string }>> {
    return host.query('SELECT filename, sha256, bytes, channel FROM complaints.media WHERE complaint_id = $1 ORDER BY created_at', [complaintId]);
  }

  it('takes a JPEG: stored with its bytes and SHA-256, counted on the complaint, listed publicly without name or bytes', async () => {
    const { trackingCode, id } = await newComplaint();
    const photo = jpeg(2 * 1024 * 1024);
    const response = await upload(trackingCode, [{ name: '摊位.jpg', type: 'image/jpeg', bytes: photo }]);
    expect(response.status).toBe(201);
    const { items } = (await response.json()) as { items: MediaItem[] };
    expect(items).toEqual([{ id: expect.any(String), contentType: 'image/jpeg', sizeBytes: photo.length, sha256: sha256(photo), createdAt: expect.any(String) }]);

    const rows = await stored(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ filename: '摊位.jpg', sha256: sha256(photo), channel: 'web' });
    expect(Buffer.compare(rows[0].bytes, photo)).toBe(0);
    expect(await host.query('SELECT media_count FROM complaints.complaint WHERE id = $1', [id])).toEqual([{ media_count: 1 }]);

    const list = await host.request(`/api/v1/complaints/${trackingCode}/media`);
    expect(list.status).toBe(200);
    const listed = await list.text();
    expect(JSON.parse(listed)).toEqual({ items });
    expect(listed).not.toContain('摊位');

    const tracked = (await (await host.request(`/api/v1/complaints/${trackingCode}`)).json()) as { timeline: Array<{ type: string; detail?: Record<string, string> }> };
    expect(tracked.timeline).toContainEqual(expect.objectContaining({ type: 'media.added', detail: { channel: 'web', count: '1' } }));
  });

  it('judges the type by the bytes: a text file sent as image/jpeg is refused with 415 naming it, and nothing is stored', async () => {
    const { trackingCode, id } = await newComplaint();
    const response = await upload(trackingCode, [{ name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('#!/bin/sh\nrm -rf /\n') }]);
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      code: 'media_unsupported_type',
      file: 'photo.jpg',
      message: expect.stringMatching(/^photo\.jpg: the content \(declared image\/jpeg\) is not one of JPEG, PNG/),
    });
    expect(await stored(id)).toEqual([]);
  });

  it('refuses a file over MEDIA_MAX_BYTES with 413 naming it, and stores none of the request’s files', async () => {
    const { trackingCode, id } = await newComplaint();
    const response = await upload(trackingCode, [
      { name: 'small.png', type: 'image/png', bytes: png() },
      { name: 'huge.jpg', type: 'image/jpeg', bytes: jpeg(MAX_BYTES + 1) },
    ]);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'media_too_large', file: 'huge.jpg', message: 'huge.jpg: the file is over the limit of 3 MiB a file' });
    expect(await stored(id)).toEqual([]);
  });

  it('takes several files at once, up to MEDIA_MAX_PER_COMPLAINT, then refuses more with 400', async () => {
    const { trackingCode, id } = await newComplaint();
    const first = await upload(trackingCode, [
      { name: 'a.jpg', type: 'image/jpeg', bytes: jpeg() },
      { name: 'b.png', type: 'image/png', bytes: png() },
    ]);
    expect(first.status).toBe(201);
    expect(((await first.json()) as { items: MediaItem[] }).items.map((item) => item.contentType)).toEqual(['image/jpeg', 'image/png']);

    const tooMany = await upload(trackingCode, [
      { name: 'c.jpg', type: 'image/jpeg', bytes: jpeg() },
      { name: 'd.jpg', type: 'image/jpeg', bytes: jpeg() },
    ]);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ code: 'media_too_many', file: 'd.jpg', message: 'd.jpg: the complaint already has 3 files, the most it may have' });
    expect((await stored(id)).map((row) => row.filename)).toEqual(['a.jpg', 'b.png']);
  });

  it('refuses more files in one request than a complaint may have, with 400, storing none', async () => {
    const { trackingCode, id } = await newComplaint();
    const files = ['a', 'b', 'c', 'd'].map((name) => ({ name: `${name}.jpg`, type: 'image/jpeg', bytes: jpeg() }));
    const response = await upload(trackingCode, files);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'media_too_many', message: 'send at most 3 files: a complaint may have no more' });
    expect(await stored(id)).toEqual([]);
  });

  it('answers an unknown tracking code with 404 and a malformed one with 400', async () => {
    expect((await upload('CF-0000-0000', [{ name: 'a.jpg', type: 'image/jpeg', bytes: jpeg() }])).status).toBe(404);
    expect((await upload('not-a-code', [{ name: 'a.jpg', type: 'image/jpeg', bytes: jpeg() }])).status).toBe(400);
    expect((await host.request('/api/v1/complaints/CF-0000-0000/media')).status).toBe(404);
  });

  it('asks for multipart/form-data, and for at least one file', async () => {
    const { trackingCode } = await newComplaint();
    const json = await host.request(`/api/v1/complaints/${trackingCode}/media`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append('note', 'no file here');
    const noFile = await host.request(`/api/v1/complaints/${trackingCode}/media`, { method: 'POST', body: form });
    expect(noFile.status).toBe(400);
    expect(await noFile.json()).toMatchObject({ code: 'media_missing' });
  });

  it('takes no more files once the complaint is rejected (409)', async () => {
    const { trackingCode, id } = await newComplaint();
    await host.query(`UPDATE complaints.complaint SET status = 'rejected' WHERE id = $1`, [id]);
    const response = await upload(trackingCode, [{ name: 'a.jpg', type: 'image/jpeg', bytes: jpeg() }]);
    expect(response.status).toBe(409);
    expect(await stored(id)).toEqual([]);
  });

  it('shows the file itself to staff only: 401 without a token, 403 to a citizen, the bytes to an officer', async () => {
    const { trackingCode } = await newComplaint();
    const photo = jpeg();
    const { items } = (await (await upload(trackingCode, [{ name: 'face.jpg', type: 'image/jpeg', bytes: photo }])).json()) as { items: MediaItem[] };
    const path = `/api/v1/complaints/${trackingCode}/media/${items[0].id}`;

    expect((await host.request(path)).status).toBe(401);
    expect((await host.request(path, { token: await host.tokenFor([Role.Citizen]) })).status).toBe(403);
    const response = await host.request(path, { token: await host.tokenFor([Role.Officer]) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="face.jpg"; filename*=UTF-8''face.jpg`);
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), photo)).toBe(0);

    const other = await newComplaint();
    const elsewhere = await host.request(`/api/v1/complaints/${other.trackingCode}/media/${items[0].id}`, { token: await host.tokenFor([Role.Supervisor]) });
    expect(elsewhere.status).toBe(404);
  });
});
