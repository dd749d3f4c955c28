/**
 * Who uses the API: duty forecasters watch and acknowledge flood alerts; station maintainers look
 * after gauges, put them under maintenance and acknowledge equipment alerts; dispatch staff read;
 * administrators do everything, including issuing tokens and reloading rules.
 */
export const ROLES = ['forecaster', 'maintainer', 'dispatcher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(name: unknown): name is Role {
  return typeof name === 'string' && (ROLES as readonly string[]).includes(name);
}

/** What a route needs. */
export const PERMISSIONS = ['read', 'acknowledge_flood', 'acknowledge_equipment', 'maintain', 'administer'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  forecaster: ['read', 'acknowledge_flood'],
  maintainer: ['read', 'acknowledge_equipment', 'maintain'],
  dispatcher: ['read'],
  admin: PERMISSIONS,
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** The roles that hold a permission, for a 403 that says who may do it. */
export function rolesThatCan(permission: Permission): Role[] {
  return ROLES.filter((role) => can(role, permission));
}
