-- Extensions prakan relies on:
--   pgcrypto   gen_random_uuid() and digest()
--   pg_trgm    trigram similarity for typo-tolerant Thai and Latin name search
--   btree_gist equality operators inside GiST exclusion constraints (overlapping cover)
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;
