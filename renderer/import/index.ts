// The import feature's public face: other features import only what is listed here.
export { FileDropZone } from './FileDropZone'
export { ImportDialogs } from './ImportDialogs'
export { importActions } from './actions'
export { useImportStore } from './import-store'
