/**
 * Resolves in a later task (a timer of 0 ms), after anything the event loop has waiting: in a window that
 * means the page can paint and answer input in between. Long work on the main thread is cut into steps with
 * it; in a worker it lets a cancel message in.
 */
export function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
