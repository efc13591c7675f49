import { BlobBytes } from '../../shared/backup/taggedValue';
import { blobsToBytes, bytesToBlobs } from './blobValues';

test('Blobs and Files anywhere in a value are read into bytes and turned back', async () => {
  const file = new File([new Uint8Array([1, 2])], 'скан.jpg', { type: 'image/jpeg', lastModified: 42 });
  const blob = new Blob([new Uint8Array([3])], { type: 'application/pdf' });
  const value = { a: [{ file }], m: new Map([['k', blob]]), s: new Set([blob]), n: 1 };

  const read = (await blobsToBytes(value)) as {
    a: { file: BlobBytes }[];
    m: Map<string, BlobBytes>;
    s: Set<BlobBytes>;
  };
  expect(read.a[0]!.file).toEqual(
    new BlobBytes(new Uint8Array([1, 2]), 'image/jpeg', { name: 'скан.jpg', lastModified: 42 }),
  );
  expect(read.m.get('k')).toEqual(new BlobBytes(new Uint8Array([3]), 'application/pdf'));
  expect([...read.s][0]).toBeInstanceOf(BlobBytes);
  // The original value is not modified.
  expect(value.a[0]!.file).toBe(file);

  const back = bytesToBlobs(read) as { a: { file: File }[]; m: Map<string, Blob> };
  expect(back.a[0]!.file).toBeInstanceOf(File);
  expect(back.a[0]!.file.name).toBe('скан.jpg');
  expect(back.a[0]!.file.lastModified).toBe(42);
  expect(new Uint8Array(await back.a[0]!.file.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
  expect(back.m.get('k')).toBeInstanceOf(Blob);
  expect(back.m.get('k')!.type).toBe('application/pdf');
});

test('a value without blobs is returned as it is, not copied', async () => {
  const rows = [
    { id: 'a', holdings: [{ plot: '1' }] },
    { id: 'b', when: new Date(1) },
  ];
  expect(await blobsToBytes(rows)).toBe(rows);
  expect(bytesToBlobs(rows)).toBe(rows);
});
