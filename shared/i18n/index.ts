export { CATALOG, NAMESPACES, type Namespace, type Words } from './catalog'
export { formatDay, formatMoney } from './format'
export { LABEL_KEYS, label, type LabelKind } from './labels'
export { hasPhrase, makeTranslator, translate, type TranslateParams, type Translator } from './translate'
