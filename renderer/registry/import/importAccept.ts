/** Files the registry import reads (XLSX, or CSV in UTF-8 / Windows-1251). */
export const IMPORT_ACCEPT = ['.xlsx', '.csv'];
