-- The per-item and per-step cubes (stat_items, stat_steps) keep, at each of their levels (park and district, day and
-- month), a row for all schools together: school '*'; and a row for the whole city: park, district and school '*'. A
-- city's, district's or park's question, decision and hazard figures read those rows instead of summing (or passing
-- over) one row per school and district, so they cost the same however many schools visit.
-- The follower adds to these levels as it rolls up; this fills them for what was rolled up before: each row is the sum
-- of that level's rows of every school and of no school (a school's code never is '*': it starts with a letter or
-- digit; nor is a district's: six digits). The statistics cursor is locked for the migration's transaction: a batch
-- being rolled up meanwhile is either in the sums or waits until they are written. Hub processes of the version
-- before this one must be stopped first: their followers would not add to the new levels.
SELECT seq FROM stat_cursor WHERE id = 1 FOR UPDATE;

INSERT INTO stat_items (day, park, district, school, scenario, step, item_type, item, choice, correct, n)
  SELECT day, park, district, '*', scenario, step, item_type, item, choice, correct, sum(n)
  FROM stat_items WHERE school <> '*'
  GROUP BY day, park, district, scenario, step, item_type, item, choice, correct
  ON CONFLICT (day, park, district, school, scenario, step, item_type, item, choice, correct) DO UPDATE SET n = excluded.n;

INSERT INTO stat_steps (day, park, district, school, scenario, step, ended)
  SELECT day, park, district, '*', scenario, step, sum(ended)
  FROM stat_steps WHERE school <> '*'
  GROUP BY day, park, district, scenario, step
  ON CONFLICT (day, park, district, school, scenario, step) DO UPDATE SET ended = excluded.ended;

-- The city: the districts' all-schools rows (park '*'), just written, summed.
INSERT INTO stat_items (day, park, district, school, scenario, step, item_type, item, choice, correct, n)
  SELECT day, park, '*', '*', scenario, step, item_type, item, choice, correct, sum(n)
  FROM stat_items WHERE park = '*' AND district <> '*' AND school = '*'
  GROUP BY day, park, scenario, step, item_type, item, choice, correct
  ON CONFLICT (day, park, district, school, scenario, step, item_type, item, choice, correct) DO UPDATE SET n = excluded.n;

INSERT INTO stat_steps (day, park, district, school, scenario, step, ended)
  SELECT day, park, '*', '*', scenario, step, sum(ended)
  FROM stat_steps WHERE park = '*' AND district <> '*' AND school = '*'
  GROUP BY day, park, scenario, step
  ON CONFLICT (day, park, district, school, scenario, step) DO UPDATE SET ended = excluded.ended;
