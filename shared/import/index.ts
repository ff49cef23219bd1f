export { CRM_FIELDS, autoMapColumns, mappingHasName, normalizeHeader, type CrmField, type CrmMapping } from './crm-columns'
export { parseCrmCsv, type CrmRow, type ParsedCsv } from './crm-csv'
export { planCrmImport, type BadRow, type BadRowReason, type CrmImportPlan, type LinkWarning, type LinkWarningReason, type PlanProgress } from './plan-crm-import'
export { decodeCsvBytes, type CsvEncoding, type DecodedCsv } from './decode-csv'
