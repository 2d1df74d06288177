/** The screens' URL paths; the selection travels in the search parameters. */
export const paths = {
  overview: "/",
  comparison: "/comparison",
  lagging: "/lagging",
  region: "/region",
  matrix: "/matrix",
  login: "/login",
  password: "/account/password",
  authenticator: "/account/authenticator",
} as const;
