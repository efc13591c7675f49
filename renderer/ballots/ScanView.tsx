import { useEffect, useState } from 'react';
import { useDb } from '../app/DbContext';
import { readAttachment } from './ballotRepo';

type Shown =
  { state: 'loading' } | { state: 'missing' } | { state: 'ready'; url: string; mime: string; name: string };

/**
 * A stored scan (image or PDF) shown from the attachments table through an object URL (the CSP allows
 * blob: for images and frames); the URL is revoked when the scan changes or the view closes.
 */
export function ScanView({ meetingId, attachmentId }: { meetingId: string; attachmentId: string }) {
  const db = useDb();
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    setShown({ state: 'loading' });
    void readAttachment(db, meetingId, attachmentId).then(
      (a) => {
        if (!live) return;
        if (!a) {
          setShown({ state: 'missing' });
          return;
        }
        // jsdom (component tests) has no object URLs: the file is then named only.
        const blob = new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.mime });
        url = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : '';
        setShown({ state: 'ready', url, mime: a.mime, name: a.name });
      },
      () => live && setShown({ state: 'missing' }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [db, meetingId, attachmentId]);

  if (shown.state === 'loading') return <p className="muted">Загрузка скана…</p>;
  if (shown.state === 'missing') return <p className="notice error">Файл скана не найден.</p>;
  return (
    <figure className="scan-view">
      {!shown.url ? null : shown.mime === 'application/pdf' ? (
        <iframe src={shown.url} title={`Скан: ${shown.name}`} />
      ) : (
        <img src={shown.url} alt={`Скан: ${shown.name}`} />
      )}
      <figcaption>{shown.name}</figcaption>
    </figure>
  );
}
