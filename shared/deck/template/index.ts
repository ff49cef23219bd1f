export { applyTemplate } from './apply-template'
export { checkTemplate } from './check-template'
export { TemplateError, TEMPLATE_MAX_BYTES, type TemplateErrorCode } from './template-error'
