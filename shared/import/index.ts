export { CRM_FIELDS, autoMapColumns, mappingHasName, normalizeHeader, type CrmField, type CrmMapping } from './crm-columns'
export { parseCrmCsv, type CrmRow, type ParsedCsv } from './crm-csv'
export { planCrmImport, type BadRow, type BadRowReason, type CrmImportPlan, type LinkWarning, type LinkWarningReason } from './plan-crm-import'
export { checkIncomingFile, checkIncomingText, describeRefusal, utf8Length, INCOMING_EXTENSIONS, type IncomingCheck, type IncomingKind, type IncomingRefusal } from './incoming-file'
