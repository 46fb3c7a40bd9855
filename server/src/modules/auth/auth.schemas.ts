import { z } from 'zod';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, 'required').max(128),
  password: z.string().min(1, 'required').max(1024),
});
