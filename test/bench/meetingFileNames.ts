/**
 * The names of a meeting's files as the tally benchmarks write them and hand them to `golos tally`
 * (ballotFiles.meetingFiles) or read them back where the command would (firstTally.ts). A module of its
 * own: the first-tally process must not load the writers (exceljs) the command does not load.
 */
export const MEETING_FILE_NAMES = {
  registry: 'registry.xlsx',
  meeting: 'meeting.json',
  gosuslugi: 'gosuslugi.xlsx',
  paper: 'paper.xlsx',
} as const;

export type MeetingFileRole = keyof typeof MEETING_FILE_NAMES;
