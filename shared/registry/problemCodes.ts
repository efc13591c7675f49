/** Stable machine-readable codes of registry problems (Problem.code). */
export const REGISTRY_PROBLEM = {
  headerNotFound: 'registry_header_not_found',
  nameColumnMissing: 'registry_name_column_missing',
  statusColumnMissing: 'status_column_missing',
  statusUnknown: 'status_unknown',
  statusEmpty: 'status_empty',
  statusConflict: 'status_conflict',
  nameContinued: 'name_continued',
  nameEmpty: 'name_empty',
  nameCleaned: 'name_cleaned',
  nameTooLong: 'name_too_long',
  snilsFormat: 'snils_format',
  snilsChecksum: 'snils_checksum',
  snilsDuplicate: 'snils_duplicate',
  cadastralFormat: 'cadastral_format',
  areaFormat: 'area_format',
  areaRounded: 'area_rounded',
  shareFormat: 'share_format',
  plotEmpty: 'plot_empty',
  plotRepeated: 'plot_repeated',
  plotSharesMissing: 'plot_shares_missing',
  plotSharesSum: 'plot_shares_sum',
  noHoldings: 'no_holdings',
  emailFormat: 'email_format',
  phoneFormat: 'phone_format',
} as const;

export type RegistryProblemCode = (typeof REGISTRY_PROBLEM)[keyof typeof REGISTRY_PROBLEM];
