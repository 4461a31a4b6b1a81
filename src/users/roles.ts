/**
 * Roles, from least to most trusted. A viewer reads masked data; an analyst also unmasks (with a
 * stated reason), reviews alerts, works cases, exports and runs jobs; an admin also manages users
 * and reads the audit log.
 */
export const ROLES = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether `role` has at least the rights of `least`. */
export function roleAtLeast(role: Role, least: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(least);
}
