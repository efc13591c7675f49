import { readChain } from '../audit/auditLog';
import { auditedWrite } from '../db/auditedWrite';
import { GolosDb } from '../db/db';
import { scanAttachments, storeAttachments } from './scanFiles';

const bytes = new Uint8Array([1, 2, 3]);
const at = '2026-12-02T10:00:00+03:00';

describe('scan files', () => {
  it('are attachments of purpose «scan», typed by their extension', () => {
    const files = ['Скан 1.PDF', 'b.jpeg', 'c.JPG', 'd.png', 'e.tiff', 'f.tif', 'g.bmp', 'pdf'].map(
      (name) => ({
        name,
        bytes,
      }),
    );
    const made = scanAttachments('m1', files, at);
    expect(made.map((a) => a.mime)).toEqual([
      'application/pdf',
      'image/jpeg',
      'image/jpeg',
      'image/png',
      'image/tiff',
      'image/tiff',
      'application/octet-stream',
      'application/octet-stream',
    ]);
    expect(made[0]).toMatchObject({
      meetingId: 'm1',
      name: 'Скан 1.PDF',
      size: 3,
      addedAt: at,
      purpose: 'scan',
    });
    expect(new Set(made.map((a) => a.id)).size).toBe(files.length);
  });

  it('are stored each with its audit entry, naming the ballot they came with', async () => {
    const db = new GolosDb(`golos-test-${crypto.randomUUID()}`);
    const [a, b] = scanAttachments(
      'm1',
      [
        { name: 'a.png', bytes },
        { name: 'b.pdf', bytes },
      ],
      at,
    );
    const stored = await auditedWrite(db, [db.attachments], (audit) =>
      storeAttachments(db, audit, 'Иванова', [a!, b!], 'ballot-7'),
    );
    expect(stored.map((m) => [m.id, 'bytes' in m])).toEqual([
      [a!.id, false],
      [b!.id, false],
    ]);
    expect(await db.attachments.count()).toBe(2);
    const chain = await readChain(db);
    expect(
      chain.map((e) => [e.action, e.actor, e.entityId, (e.after as { ballotId?: string }).ballotId]),
    ).toEqual([
      ['attachment.add', 'Иванова', a!.id, 'ballot-7'],
      ['attachment.add', 'Иванова', b!.id, 'ballot-7'],
    ]);
  });
});
