"""Product data: projects, models and their versions, stored files, local working copies
and the CAD jobs (derived files, part-family variants). Builds on access/ and jobs/."""
