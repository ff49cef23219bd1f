// The conflict feature's public face: other features import only what is listed here.
export { OutsideEditDialog } from './OutsideEditDialog'
