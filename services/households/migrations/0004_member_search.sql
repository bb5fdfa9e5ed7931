-- Member search (tra cứu thành viên) by name typed without diacritics. A name matches when
-- every typed word is the start of one of its words: "nguyen van du" finds
-- "Nguyễn Văn Đức" (name_search "nguyen van duc"). The index holds, per member, every
-- prefix of every word of name_search ("n", "ng", ..., "nguyen", "v", "va", "van", ...);
-- a query is one containment test `member_name_prefixes(name_search) @> '{nguyen,van,du}'`
-- which GIN answers by intersecting posting lists, rarest first. Household code and
-- citizen ID searches use the indexes of 0002.

-- plpgsql rather than SQL: about 5 µs per name instead of 25, which matters when a plan
-- filters the members of one commune with it. Duplicates in the result are harmless to GIN.
CREATE FUNCTION member_name_prefixes(name_search text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
  DECLARE
    word text;
    prefixes text[] := '{}';
  BEGIN
    FOREACH word IN ARRAY string_to_array(name_search, ' ') LOOP
      FOR n IN 1 .. length(word) LOOP
        prefixes := prefixes || left(word, n);
      END LOOP;
    END LOOP;
    RETURN prefixes;
  END
  $$;

CREATE INDEX member_name_prefixes ON member USING gin (member_name_prefixes(name_search));
