import type { PersonStatus } from '../domain/types';

/** How a status is written in the registry the secretary reads (and the import reads back). */
export const STATUS_TEXT: Record<PersonStatus, string> = {
  member: 'член',
  gardener: 'садовод без членства',
  owner: 'собственник',
};
