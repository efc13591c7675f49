// Test helper: runs the command line in this process and captures what it wrote.
import { vi } from 'vitest';
import { main } from './golos';

export async function runGolos(...argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, stderr, stdout };
}
