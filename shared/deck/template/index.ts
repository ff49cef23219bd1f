export { applyTemplate } from './apply-template'
export { TemplateError, TEMPLATE_MAX_BYTES, type TemplateErrorCode } from './template-error'
