/**
 * The page's side of a Web Worker that answers requests: every request gets an id, every reply carries
 * the id of its request, and a request may get progress replies before its last one. One client for the
 * registry import, the Gosuslugi import and the documents workers.
 *
 * - The worker starts on the first request.
 * - A worker that fails (its script cannot load, or throws) rejects every request still waiting with a
 *   `WorkerFailed`; with `restartAfterFailure` it is ended and the next request starts a fresh one.
 * - A request cancelled through its signal is forgotten at once (later replies are dropped), tells the
 *   worker with `cancel(id)` when given, and rejects with the signal's reason.
 * - `dispose()` ends the worker; requests still waiting reject with an AbortError.
 */
import { err, problem, type Result } from '../../shared/result';

/** The part of a Worker the client uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The worker failed; `message` is the browser's text, '' when it gave none. */
export class WorkerFailed extends Error {}

/**
 * A file-reading request that failed in the worker, as the importers report it: «Файл не удалось
 * обработать: …» with the failure's text.
 */
export function fileFailure(code: string): (e: unknown) => Result<never> {
  return (e) =>
    err([
      problem(
        code,
        `Файл не удалось обработать: ${(e instanceof Error && e.message) || 'сбой обработчика'}.`,
      ),
    ]);
}

/** What one reply means for its request: it goes on (progress, `undefined`) or ends with `value`. */
export type ReplyOutcome<T> = { value: T } | undefined;

export interface CallOptions<Req> {
  signal?: AbortSignal | undefined;
  /** The message telling the worker to stop the request with this id. */
  cancel?: (id: number) => Req;
  transfer?: Transferable[];
}

export interface WorkerClient<Req, Reply extends { id: number }> {
  /** Sends `request` with a fresh `id`; `onReply` reads each reply to it until one ends the request. */
  call<T>(request: Req, onReply: (reply: Reply) => ReplyOutcome<T>, options?: CallOptions<Req>): Promise<T>;
  dispose(): void;
}

const aborted = () => new DOMException('Отменено', 'AbortError');

interface Waiting<Reply> {
  onReply: (reply: Reply) => void;
  fail: (error: unknown) => void;
}

export function createWorkerClient<Req extends object, Reply extends { id: number }>(
  start: () => WorkerLike,
  { restartAfterFailure = false }: { restartAfterFailure?: boolean } = {},
): WorkerClient<Req, Reply> {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const waiting = new Map<number, Waiting<Reply>>();
  const failAll = (error: unknown) => {
    const all = [...waiting.values()];
    waiting.clear();
    for (const w of all) w.fail(error);
  };
  const started = (): WorkerLike => {
    if (worker) return worker;
    const w = start();
    w.onmessage = (e: MessageEvent<Reply>) => waiting.get(e.data.id)?.onReply(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      if (restartAfterFailure) {
        w.terminate();
        worker = null;
      }
      failAll(new WorkerFailed(e.message ?? ''));
    };
    worker = w;
    return w;
  };
  return {
    call(request, onReply, { signal, cancel, transfer = [] } = {}) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason ?? aborted());
          return;
        }
        const w = started();
        const id = nextId++;
        const settle = () => {
          waiting.delete(id);
          signal?.removeEventListener('abort', onAbort);
        };
        const onAbort = () => {
          settle();
          if (cancel) w.postMessage(cancel(id));
          reject(signal?.reason ?? aborted());
        };
        waiting.set(id, {
          onReply: (reply) => {
            let end;
            try {
              end = onReply(reply);
            } catch (e) {
              settle();
              reject(e);
              return;
            }
            if (end === undefined) return;
            settle();
            resolve(end.value);
          },
          fail: (error) => {
            settle();
            reject(error);
          },
        });
        signal?.addEventListener('abort', onAbort);
        w.postMessage({ ...request, id }, transfer);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll(aborted());
    },
  };
}
