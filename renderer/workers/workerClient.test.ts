// The one worker client: ids, progress, a failing worker, cancelling and disposing, against a fake worker
// that records what it was sent and answers when the test says.
import { createWorkerClient, fileFailure, WorkerFailed, type WorkerLike } from './workerClient';

type Req = { type: 'work'; n: number } | { type: 'cancel'; id: number };
type Reply = { id: number; type: 'step'; done: number } | { id: number; type: 'result'; value: number };

class FakeWorker implements WorkerLike {
  sent: unknown[] = [];
  ended = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  reply(data: Reply) {
    this.onmessage?.({ data } as MessageEvent);
  }
  fail(message: string) {
    let prevented = false;
    this.onerror?.({ message, preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    return prevented;
  }
  terminate() {
    this.ended = true;
  }
}

function setup(options?: { restartAfterFailure?: boolean }) {
  const workers: FakeWorker[] = [];
  const client = createWorkerClient<Req, Reply>(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, options);
  const steps: number[] = [];
  const work = (n: number, signal?: AbortSignal) =>
    client.call(
      { type: 'work', n },
      (m) => {
        if (m.type === 'step') steps.push(m.done);
        else return { value: m.value };
        return undefined;
      },
      { signal, cancel: (id) => ({ type: 'cancel', id }) },
    );
  return { client, workers, steps, work };
}

test('starts the worker on the first request and routes replies by id, progress first', async () => {
  const { workers, steps, work } = setup();
  expect(workers).toHaveLength(0);
  const a = work(10);
  const b = work(20);
  expect(workers).toHaveLength(1);
  const w = workers[0]!;
  expect(w.sent).toEqual([
    { type: 'work', n: 10, id: 1 },
    { type: 'work', n: 20, id: 2 },
  ]);
  w.reply({ id: 2, type: 'step', done: 5 });
  w.reply({ id: 2, type: 'result', value: 200 });
  w.reply({ id: 1, type: 'result', value: 100 });
  w.reply({ id: 1, type: 'result', value: -1 }); // a second last reply is dropped
  await expect(a).resolves.toBe(100);
  await expect(b).resolves.toBe(200);
  expect(steps).toEqual([5]);
});

test('a failing worker rejects what waits; it is kept, or restarted when asked', async () => {
  const kept = setup();
  const a = kept.work(1);
  expect(kept.workers[0]!.fail('script failed')).toBe(true);
  await expect(a).rejects.toEqual(new WorkerFailed('script failed'));
  void kept.work(2);
  expect(kept.workers).toHaveLength(1);
  expect(kept.workers[0]!.ended).toBe(false);

  const restarted = setup({ restartAfterFailure: true });
  const b = restarted.work(1);
  restarted.workers[0]!.fail('');
  await expect(b).rejects.toBeInstanceOf(WorkerFailed);
  expect(restarted.workers[0]!.ended).toBe(true);
  void restarted.work(2);
  expect(restarted.workers).toHaveLength(2);
});

test('cancelling tells the worker, rejects with the reason and drops later replies', async () => {
  const { workers, steps, work } = setup();
  const ctl = new AbortController();
  const a = work(1, ctl.signal);
  ctl.abort(new DOMException('Отменено', 'AbortError'));
  await expect(a).rejects.toMatchObject({ name: 'AbortError' });
  expect(workers[0]!.sent).toContainEqual({ type: 'cancel', id: 1 });
  workers[0]!.reply({ id: 1, type: 'step', done: 3 });
  expect(steps).toEqual([]);
  await expect(work(2, ctl.signal)).rejects.toMatchObject({ name: 'AbortError' });
  expect(workers[0]!.sent).toHaveLength(2); // the already-cancelled request was never sent
});

test('a reply the caller refuses rejects that request only', async () => {
  const { client, workers } = setup();
  const a = client.call({ type: 'work', n: 1 }, () => {
    throw new Error('Документ не собран');
  });
  workers[0]!.reply({ id: 1, type: 'result', value: 0 });
  await expect(a).rejects.toThrow('Документ не собран');
});

test('dispose ends the worker and rejects what waits with an AbortError', async () => {
  const { client, workers, work } = setup();
  const a = work(1);
  client.dispose();
  await expect(a).rejects.toMatchObject({ name: 'AbortError' });
  expect(workers[0]!.ended).toBe(true);
});

test('an importer reports a failed worker as a problem naming what went wrong', () => {
  const asProblem = fileFailure('import_failed');
  expect(asProblem(new WorkerFailed(''))).toMatchObject({
    ok: false,
    error: [{ code: 'import_failed', message: 'Файл не удалось обработать: сбой обработчика.' }],
  });
  expect(asProblem(new WorkerFailed('out of memory'))).toMatchObject({
    error: [{ message: 'Файл не удалось обработать: out of memory.' }],
  });
});
