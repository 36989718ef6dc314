export { addUser } from './add-user.ts';
export { listUsers } from './list-users.ts';
export { createToken } from './create-token.ts';
export { listTokens } from './list-tokens.ts';
export { revokeToken } from './revoke-token.ts';
export { userIdSchema, userSchema, tokenViewSchema } from './user-schemas.ts';
