import { z } from 'zod';
import { listQueryShape } from '../../http/listQuery.js';

export const roleSchema = z.enum(['Admin', 'Moderator', 'DA']);

export const permissionsSchema = z.strictObject({
  viewUsernames: z.boolean(),
  viewSimpleHistory: z.boolean(),
  viewFullHistory: z.boolean(),
  canSelfAssign: z.boolean(),
  canEditLocations: z.boolean(),
  canExport: z.boolean(),
  canImportWeb: z.boolean(),
  canAccessMedia: z.boolean(),
});

export const userCreateBody = z.strictObject({
  username: z.string().trim().min(1).max(32),
  name: z.string().trim().max(255).optional(),
  email: z.email().max(255).optional(),
  password: z.string().min(1).max(1024),
  roles: z.array(roleSchema).max(3).default([]),
  groups: z.array(z.number().int().positive().max(2_147_483_647, 'is not a valid id')).max(200).default([]),
  permissions: permissionsSchema.partial().optional(),
  active: z.boolean().optional(),
  mustChangePassword: z.boolean().optional(),
});

export const userUpdateBody = z.strictObject({
  name: z.string().trim().max(255).optional(),
  email: z.email().max(255).nullable().optional(),
  roles: z.array(roleSchema).max(3).optional(),
  groups: z.array(z.number().int().positive().max(2_147_483_647, 'is not a valid id')).max(200).optional(),
  permissions: permissionsSchema.partial().optional(),
  active: z.boolean().optional(),
});

export const userListQuery = z.strictObject({ q: z.string().max(100).optional(), ...listQueryShape });
export const idParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id'),
});
