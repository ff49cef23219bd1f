import type { EdgeTypes } from '@xyflow/react'
import { RelationEdge } from './RelationEdge'
import { ReportsToEdge } from './ReportsToEdge'

/** How each kind of line is drawn, for the editing map and meeting mode alike. */
export const LINK_EDGE_TYPES: EdgeTypes = { relation: RelationEdge, 'reports-to': ReportsToEdge }
