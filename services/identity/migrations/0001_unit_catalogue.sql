-- Administrative units of every structure, the 2025 merger mapping and the load ledger.
-- A code means something only with its structure: the 2025 reform reused old codes.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE unit (
  structure     text NOT NULL CHECK (structure IN ('2024', '2025')),
  code          text NOT NULL CHECK (code ~ '^[0-9]{2,5}$'),
  level         text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  name          text NOT NULL,
  short_name    text NOT NULL,
  type          text NOT NULL,
  parent_code   text,                           -- null for a province
  province_code text NOT NULL,
  valid_from    date NOT NULL,
  valid_to      date,                           -- null: in force without an end
  path          text COLLATE "C" NOT NULL,      -- province/…/code: depth-first order of a subtree
  search_text   text NOT NULL,                  -- name lower-cased without diacritics (đ → d)
  short_key     text NOT NULL,                  -- short_name the same way
  PRIMARY KEY (structure, code),
  UNIQUE (structure, path),
  CONSTRAINT unit_parent_fk FOREIGN KEY (structure, parent_code) REFERENCES unit (structure, code)
    DEFERRABLE INITIALLY IMMEDIATE,
  CHECK ((level = 'province') = (parent_code IS NULL)),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE INDEX unit_children ON unit (structure, parent_code, code);
-- UNIQUE (structure, path) above serves subtree prefixes and depth-first order (collation "C").
CREATE INDEX unit_search_trgm ON unit USING gin (search_text gin_trgm_ops);

-- Official conversion table: old (2024) commune → new (2025) commune, one row per pair.
CREATE TABLE unit_merger (
  id                bigserial PRIMARY KEY,
  old_structure     text NOT NULL DEFAULT '2024' CHECK (old_structure = '2024'),
  old_level         text NOT NULL CHECK (old_level IN ('commune', 'district', 'other')),
  old_code          text,                       -- null only for old_level 'other' (no code)
  old_name          text NOT NULL,
  old_district_code text NOT NULL,
  old_province_code text NOT NULL,
  new_structure     text NOT NULL DEFAULT '2025' CHECK (new_structure = '2025'),
  new_code          text NOT NULL,
  new_province_code text NOT NULL,
  relation          text NOT NULL CHECK (relation IN ('full', 'partial', 'unchanged')),
  notes             text NOT NULL,              -- the table's "Ghi chú"
  old_name_in_table text,                       -- the table's spelling where it differs
  flag              text,                       -- corrections made to the published table
  UNIQUE (old_level, old_code, new_code),
  FOREIGN KEY (old_structure, old_code) REFERENCES unit (structure, code),
  FOREIGN KEY (new_structure, new_code) REFERENCES unit (structure, code),
  CHECK ((old_level = 'other') = (old_code IS NULL))
);

CREATE INDEX unit_merger_old ON unit_merger (old_code);
CREATE INDEX unit_merger_old_district ON unit_merger (old_district_code);
CREATE INDEX unit_merger_new ON unit_merger (new_code);

-- Old (2024) province → new (2025) province.
CREATE TABLE province_merger (
  old_structure     text NOT NULL DEFAULT '2024' CHECK (old_structure = '2024'),
  old_province_code text NOT NULL,
  new_structure     text NOT NULL DEFAULT '2025' CHECK (new_structure = '2025'),
  new_province_code text NOT NULL,
  mapping_rows      integer NOT NULL,
  PRIMARY KEY (old_province_code),
  FOREIGN KEY (old_structure, old_province_code) REFERENCES unit (structure, code),
  FOREIGN KEY (new_structure, new_province_code) REFERENCES unit (structure, code)
);

-- Which reference files were loaded: the same files are never loaded twice, a changed
-- file is refused unless a reload is asked for.
CREATE TABLE catalogue_load (
  file_name text PRIMARY KEY,
  sha256    text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  row_count integer NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
