export { DEMO_PASSWORD, DEMO_USERS, demoCredentialProblem } from '../demo/users.ts';
export {
  decoyHash,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  SCRYPT_PARAMS,
  verifyPassword,
} from './password.ts';
export { API_KEY_PREFIX, looksLikeSecret, newSecret, SESSION_TOKEN_PREFIX, secretHash } from './tokens.ts';
export { createUser, findUsers, type NewUser, setUserDisabled, UserError, type UserRow } from './users.queries.ts';
