import type { EdgeTypes } from '@xyflow/react'
import { OrgEdge } from './OrgEdge'
import { RelationEdge } from './RelationEdge'

/** How each kind of line is drawn, for the editing map and meeting mode alike. */
export const LINK_EDGE_TYPES: EdgeTypes = { relation: RelationEdge, org: OrgEdge }
