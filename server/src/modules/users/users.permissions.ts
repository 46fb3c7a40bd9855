import type { UserPermissions } from '../../db/schema/users.js';

/** Bayanat's defaults for a new user (reference §2.12). */
export const DEFAULT_PERMISSIONS: UserPermissions = {
  viewUsernames: true,
  viewSimpleHistory: true,
  viewFullHistory: true,
  canSelfAssign: false,
  canEditLocations: false,
  canExport: false,
  canImportWeb: false,
  canAccessMedia: false,
};

/** The first admin gets every flag, as Bayanat's installer does. */
export const ALL_PERMISSIONS: UserPermissions = {
  viewUsernames: true,
  viewSimpleHistory: true,
  viewFullHistory: true,
  canSelfAssign: true,
  canEditLocations: true,
  canExport: true,
  canImportWeb: true,
  canAccessMedia: true,
};
