/**
 * The stakeholder fields a CRM contact export can fill, and the column names Salesforce and
 * Dynamics 365 use for them (report exports, Data Loader / API names, Excel exports, and
 * the Chinese-language UIs). Matching ignores case, spaces and punctuation.
 */
export const CRM_FIELDS = [
  'firstName', 'lastName', 'fullName', 'title', 'department', 'email', 'phone',
  'reportsTo', 'reportsToEmail', 'crmId', 'reportsToId', 'notes',
] as const
export type CrmField = (typeof CRM_FIELDS)[number]

/** Which column (by index in the header row) feeds each field; unmapped fields are absent. */
export type CrmMapping = Partial<Record<CrmField, number>>

const ALIASES: Record<CrmField, readonly string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'forename', '名', '名字'],
  lastName: ['lastname', 'last', 'surname', 'familyname', '姓', '姓氏'],
  fullName: ['fullname', 'name', 'contactname', 'contactfullname', '姓名', '全名', '联系人', '联系人姓名'],
  title: ['title', 'jobtitle', 'position', 'businesstitle', '职务', '职位', '头衔', '职称'],
  department: ['department', 'dept', 'division', 'businessunit', '部门'],
  email: ['email', 'emailaddress', 'email1', 'emailaddress1', 'primaryemail', 'workemail', '电子邮件', '邮箱', '电子邮箱', '邮件'],
  phone: ['phone', 'businessphone', 'telephone', 'telephone1', 'mobile', 'mobilephone', 'workphone', '电话', '手机', '商务电话'],
  reportsTo: [
    'reportsto', 'reportstofullname', 'reportstoname', 'reportstocontactname', 'manager', 'managername',
    'reportstoreportstofullname', '上级', '汇报给', '直属上级', '经理', '汇报对象',
  ],
  reportsToEmail: ['reportstoemail', 'manageremail', 'reportstoemailaddress', '上级邮箱'],
  crmId: ['id', 'contactid', 'donotmodifycontact', 'recordid', '18digitcontactid', 'contactid18', '联系人id'],
  reportsToId: ['reportstoid', 'managerid', 'parentcontactid', 'reportstocontactid', '上级id'],
  notes: ['description', 'notes', 'note', 'comments', 'contactdescription', '描述', '备注', '说明'],
}

/** "Reports To: Full Name" → "reportstofullname"; letters of every script are kept. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * Guess the mapping from the header row. Each field takes the first column whose name is one
 * of its aliases; a column feeds at most one field. The user adjusts the result in the UI.
 */
export function autoMapColumns(headers: readonly string[]): CrmMapping {
  const mapping: CrmMapping = {}
  const used = new Set<number>()
  const normalized = headers.map(normalizeHeader)
  for (const field of CRM_FIELDS) {
    const index = normalized.findIndex((h, i) => !used.has(i) && ALIASES[field].includes(h))
    if (index >= 0) {
      mapping[field] = index
      used.add(index)
    }
  }
  return mapping
}

/** A mapping can build a name when it has a full name column or a first or last name column. */
export function mappingHasName(mapping: CrmMapping): boolean {
  return mapping.fullName !== undefined || mapping.firstName !== undefined || mapping.lastName !== undefined
}
