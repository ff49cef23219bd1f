export { CATALOG, NAMESPACES, type Namespace, type Words } from './catalog'
