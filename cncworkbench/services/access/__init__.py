"""Who may do what, and what they did: sign-in and sessions (identity), user accounts,
licences and seats, security events and the tamper-evident audit trail. Imports no other
services folder."""
