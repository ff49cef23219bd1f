export { CATALOG, NAMESPACES, type Namespace, type Words } from './catalog'
export { hasPhrase, makeTranslator, translate, type TranslateParams, type Translator } from './translate'
