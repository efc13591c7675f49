// The registry's sort lives in shared/ (the ballots of the app and of `golos ballots` use it too).
export { sortPersons, type SortKey, type SortState } from '../../shared/registry/sortPersons';
