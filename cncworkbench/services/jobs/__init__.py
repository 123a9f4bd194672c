"""The job queue as users and workers see it: submitting and following jobs, the worker
process that runs them, and job events. Builds on access/."""
