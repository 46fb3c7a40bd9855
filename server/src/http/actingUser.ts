import type { UserPermissions } from '../db/schema/users.js';

export type Role = 'Admin' | 'Moderator' | 'DA';
export const ROLES: readonly Role[] = ['Admin', 'Moderator', 'DA'];

/** The user on whose behalf a service acts; always passed explicitly. */
export interface ActingUser {
  id: number;
  username: string;
  name: string;
  roles: Role[];
  groupIds: number[];
  permissions: UserPermissions;
  /** Session row id; 0 for the command line. */
  sessionId: number;
  ip: string;
}

export const isAdmin = (u: ActingUser): boolean => u.roles.includes('Admin');
export const isModerator = (u: ActingUser): boolean => u.roles.includes('Moderator');
export const isDA = (u: ActingUser): boolean => u.roles.includes('DA');
