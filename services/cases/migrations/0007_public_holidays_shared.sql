-- Public holidays move to @posa/platform (public-holidays.ts): one list for every service
-- that counts working days (cases, households). The rows seeded by 0001 are the same days.
DROP TABLE public_holiday;
