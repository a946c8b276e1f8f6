-- The atlas's server mode: one collection of events in PostGIS, served as time-filtered vector
-- tiles by one function. `npm run db -- load` runs this file (it replaces the collection), then
-- copies the rows in, calls atlas.index_events(), copies in the counts it kept (cell-counts.ts)
-- and calls atlas.index_counts(). Days are the atlas's clock: whole days since 2003-01-01
-- (src/lib/time/instant.ts).
CREATE EXTENSION IF NOT EXISTS postgis;
DROP SCHEMA IF EXISTS atlas CASCADE;
CREATE SCHEMA atlas;

-- One row an event. `date` and `end_date` are the file's cells as written; t0 and t1 are the
-- earliest and the latest day they allow ("2006-11" is 1400..1429), which every window query uses.
-- m is the point's Morton (Z-order) code at zoom 20: a tile at any zoom is one range of m, and a
-- cell of a tile is m shifted right, so one btree serves both the tile's space and its time.
-- Partitioned by the year of t0 (partitions made by the loader), so a window reads its years only.
CREATE TABLE atlas.events (
  id bigint NOT NULL,
  row_in_file bigint NOT NULL,
  date text NOT NULL,
  end_date text,
  t0 int NOT NULL,
  t1 int NOT NULL,
  lng float8 NOT NULL,
  lat float8 NOT NULL,
  geom geometry(Point, 3857) NOT NULL,
  m bigint NOT NULL,
  label text NOT NULL,
  source text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  CHECK (t1 >= t0)
) PARTITION BY RANGE (t0);

-- What the loader found, and what the tile function needs to know of the whole collection.
CREATE TABLE atlas.meta (
  file text NOT NULL,
  rows_read bigint NOT NULL,
  events bigint NOT NULL,
  problems bigint NOT NULL,
  first_day int,
  last_day int,
  longest_span int,
  west float8, south float8, east float8, north float8,
  -- From this zoom on, a tile holds raw points: the densest tile of the whole period holds at
  -- most raw_limit events (load.ts RAW_LIMIT). Below it, tiles hold counts per cell.
  raw_limit int,
  raw_from_zoom int,
  -- Zooms up to these read whole months, and the days at a window's ends, from the counts kept
  -- ahead (atlas.cell_months, atlas.cell_days); deeper zooms count from atlas.events.
  pyramid_level int,
  day_level int,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- Counts per cell kept ahead: by month of start at each zoom up to pyramid_level, by day of start
-- up to day_level. 64 × 64 cells a tile (8 px of a 512 px tile), so a cell at zoom z is
-- m >> 2 * (14 - z). Month 0 is January 2003.
-- The events of a window [f, t] in a cell are exactly those starting in it (the whole months
-- inside it from cell_months, the days at its ends from cell_days or atlas.events) plus those
-- that started before it and last into it (from atlas.events): a count, never a sample.
-- They are kept without tags (tags would multiply the rows by their combinations); a window
-- filtered by tags is counted from atlas.events.
CREATE TABLE atlas.cell_months (level smallint NOT NULL, c bigint NOT NULL, month int NOT NULL, n int NOT NULL);
CREATE TABLE atlas.cell_days (level smallint NOT NULL, c bigint NOT NULL, day int NOT NULL, n int NOT NULL);

-- Half the width of the Web Mercator square, in metres.
CREATE FUNCTION atlas.half_world() RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 20037508.342789244 $$;

-- x → its bits at the even places (the other coordinate takes the odd ones): Morton coding.
CREATE FUNCTION atlas.spread(v bigint) RETURNS bigint LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  v := (v | (v << 16)) & 281470681808895;       -- 0x0000FFFF0000FFFF
  v := (v | (v << 8)) & 71777214294589695;      -- 0x00FF00FF00FF00FF
  v := (v | (v << 4)) & 1085102592571150095;    -- 0x0F0F0F0F0F0F0F0F
  v := (v | (v << 2)) & 3689348814741910323;    -- 0x3333333333333333
  RETURN (v | (v << 1)) & 6148914691236517205;  -- 0x5555555555555555
END $$;
-- The inverse: the bits at the even places, packed.
CREATE FUNCTION atlas.compact(v bigint) RETURNS bigint LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  v := v & 6148914691236517205;
  v := (v | (v >> 1)) & 3689348814741910323;
  v := (v | (v >> 2)) & 1085102592571150095;
  v := (v | (v >> 4)) & 71777214294589695;
  v := (v | (v >> 8)) & 281470681808895;
  RETURN (v | (v >> 16)) & 4294967295;
END $$;
-- The same for the low six places of each coordinate: the bits of v at places 0, 2, … 10,
-- packed (a cell's column in its tile; its row from v >> 1). One expression, which PostgreSQL
-- inlines: a plpgsql function took 4 of a zoom-6 tile's 10 ms to place 2,800 cells.
CREATE FUNCTION atlas.compact6(v bigint) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((v & 1) | ((v >> 1) & 2) | ((v >> 2) & 4) | ((v >> 3) & 8) | ((v >> 4) & 16) | ((v >> 5) & 32))::int
$$;

CREATE FUNCTION atlas.month_of(day int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((extract(year FROM DATE '2003-01-01' + day) - 2003) * 12 + extract(month FROM DATE '2003-01-01' + day) - 1)::int
$$;
CREATE FUNCTION atlas.month_first_day(month int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((DATE '2003-01-01' + make_interval(months => month))::date - DATE '2003-01-01')
$$;

-- The whole months inside [f, t] (ma..mb, and the days they cover, full_from..full_to), whose
-- counts are kept ahead; the days left at either end are counted otherwise. No whole month (a
-- window inside one month, or `counted` false): ma > mb, and full_from..full_to is empty.
-- atlas.window_count's split of a window; a tile's is atlas.window_parts, below.
CREATE FUNCTION atlas.whole_months(f int, t int, counted boolean, OUT ma int, OUT mb int, OUT full_from int, OUT full_to int)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  ma := 1; mb := 0;
  IF counted THEN
    ma := atlas.month_of(f);
    IF atlas.month_first_day(ma) <> f THEN ma := ma + 1; END IF;
    mb := atlas.month_of(t);
    IF atlas.month_first_day(mb + 1) - 1 <> t THEN mb := mb - 1; END IF;
  END IF;
  IF ma <= mb THEN
    full_from := atlas.month_first_day(ma); full_to := atlas.month_first_day(mb + 1) - 1;
  ELSE
    ma := 1; mb := 0;
    full_from := t + 1; full_to := t; -- no whole month: every day of the window is an end day
  END IF;
END $$;

-- The window [f, t] as a tile reads it from the counts kept ahead: whole months, days of start
-- added, and days of start taken away. A month the window covers in part is read as its days in
-- the window, or, where those are more than half of it, as the whole month less its other days,
-- so at most half a month of days is read at either end (a 90-day window ending on the 27th read
-- 27 days of events; now the month less 4). With `counted` false (a tag filter, or a zoom whose
-- months are not kept), every day of the window is added.
CREATE FUNCTION atlas.window_parts(f int, t int, counted boolean, OUT months int[], OUT plus int[], OUT minus int[])
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  first_day int; last_day int; -- of the month
  a int; b int;                -- the window's days in it
BEGIN
  months := '{}'; plus := '{}'; minus := '{}';
  IF NOT counted THEN
    plus := ARRAY(SELECT generate_series(f, t));
    RETURN;
  END IF;
  FOR month IN atlas.month_of(f) .. atlas.month_of(t) LOOP
    first_day := atlas.month_first_day(month);
    last_day := atlas.month_first_day(month + 1) - 1;
    a := greatest(f, first_day);
    b := least(t, last_day);
    IF a = first_day AND b = last_day THEN
      months := months || month;
    ELSIF 2 * (b - a + 1) <= last_day - first_day + 1 THEN
      plus := plus || ARRAY(SELECT generate_series(a, b));
    ELSE
      months := months || month;
      minus := minus || ARRAY(SELECT generate_series(first_day, a - 1)) || ARRAY(SELECT generate_series(b + 1, last_day));
    END IF;
  END LOOP;
END $$;

-- A query parameter → a day: an ISO day (2006-11-20) or a day number; `fallback` when absent.
-- Checked by hand rather than by catching the cast's error: an EXCEPTION block is a
-- subtransaction, which no query running in parallel may start.
CREATE FUNCTION atlas.day_of(value text, fallback int) RETURNS int LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  parts text[] := regexp_match(value, '^(\d{4})-(\d{2})-(\d{2})$');
BEGIN
  IF value IS NULL OR value = '' THEN RETURN fallback; END IF;
  IF value ~ '^-?\d{1,9}$' THEN RETURN value::int; END IF;
  IF parts IS NULL OR parts[2]::int NOT BETWEEN 1 AND 12 OR parts[3]::int < 1
    OR parts[3]::int > extract(day FROM make_date(parts[1]::int, parts[2]::int, 1) + interval '1 month - 1 day') THEN
    RAISE EXCEPTION 'from/to: "%" is not a day (write it as 2006-11-20)', value USING ERRCODE = '22007';
  END IF;
  RETURN make_date(parts[1]::int, parts[2]::int, parts[3]::int) - DATE '2003-01-01';
END $$;

-- "violence,occupation" → {violence,occupation}; null (no filter) when absent.
CREATE FUNCTION atlas.tags_of(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL OR btrim(value) = '' THEN NULL
    ELSE array(SELECT btrim(t) FROM unnest(string_to_array(value, ',')) t WHERE btrim(t) <> '') END
$$;

-- After the rows are in (load.ts): their indexes. The events' space is indexed by m, their Morton
-- code, in the B-trees below; a GiST on geom would serve nothing these do not, and cost the load
-- 21 s at 10,000,000 events.
CREATE FUNCTION atlas.index_events() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE INDEX events_space_time ON atlas.events (m, t0) INCLUDE (t1);
  CREATE INDEX events_time_space ON atlas.events (t0, m) INCLUDE (t1);
  CREATE INDEX events_spans ON atlas.events (t0, m) INCLUDE (t1) WHERE t1 > t0;
END $$;

-- After the counts kept ahead are in (counted by load.ts, cell-counts.ts): theirs.
CREATE FUNCTION atlas.index_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- A box's count reads a cell's months and days (window_count); a tile reads a month's or a
  -- day's cells (tile_cells). Through (level, c, month) alone, a zoom-6 tile over three months
  -- read every month of its 2,800 cells (280,000 entries, 12 ms at 10,000,000 events); through
  -- (level, month, c), the 7,300 it needs (1.7 ms).
  CREATE INDEX cell_months_cell ON atlas.cell_months (level, c, month) INCLUDE (n);
  CREATE INDEX cell_months_tile ON atlas.cell_months (level, month, c) INCLUDE (n);
  CREATE INDEX cell_days_cell ON atlas.cell_days (level, c, day) INCLUDE (n);
  CREATE INDEX cell_days_tile ON atlas.cell_days (level, day, c) INCLUDE (n);
END $$;

-- The counts per cell of one tile: the events of the window [f, t] (with any of the tags tg, if
-- given) in each of the tile's 64 × 64 cells that holds any (fewer from zoom 15, where the cells
-- are those of zoom 20). c is the cell's Morton code at zoom z + 6 (at most 20). The map's tiles draw these below raw_from_zoom; a figure asks for them at any zoom
-- (serve.ts /cells), so both count the same way.
CREATE FUNCTION atlas.tile_cells(z integer, x integer, y integer, f int, t int, tg text[]) RETURNS TABLE (c bigint, n int)
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  meta atlas.meta;
  lo bigint; hi bigint;       -- the tile's range of m
  shift int;                  -- m's shift to the cells
  months int[]; plus int[]; minus int[];
  kept_days boolean;          -- the days added or taken away from cell_days (else from atlas.events)
BEGIN
  SELECT * INTO meta FROM atlas.meta LIMIT 1;
  IF meta IS NULL OR meta.raw_from_zoom IS NULL OR z > 20 THEN RETURN; END IF;
  lo := ((atlas.spread(y) << 1) | atlas.spread(x)) << (2 * (20 - z));
  hi := lo + (1::bigint << (2 * (20 - z))) - 1;
  shift := 2 * (20 - least(z + 6, 20));
  kept_days := tg IS NULL AND z <= meta.day_level;
  SELECT * INTO months, plus, minus FROM atlas.window_parts(f, t, tg IS NULL AND z <= meta.pyramid_level);

  RETURN QUERY
  -- The days of start read one by one: w = 1 for a day added, -1 for a day taken away.
  WITH days (day, w) AS (SELECT unnest(plus), 1 UNION ALL SELECT unnest(minus), -1)
  SELECT parts.c, sum(parts.n)::int
  FROM (
    -- Whole months, counted ahead: one probe of (level, month, c) a month, as for the days below.
    SELECT cm.c, cm.n FROM unnest(months) mo (month)
    JOIN atlas.cell_months cm ON cm.level = z AND cm.month = mo.month AND cm.c BETWEEN lo >> shift AND hi >> shift
    UNION ALL
    -- Events starting on those days: counted ahead (one probe of (level, day, c) a day: the
    -- tile's cells of every day were read before, 640,000 index entries for a zoom-4 tile with no
    -- such day at all), or not (one probe of (t0, m) a day, so only the tile's events of those
    -- days are read).
    SELECT cd.c, cd.n * days.w FROM days JOIN atlas.cell_days cd ON cd.level = z AND cd.day = days.day AND cd.c BETWEEN lo >> shift AND hi >> shift
    WHERE kept_days
    UNION ALL
    SELECT e.m >> shift, days.w FROM days JOIN atlas.events e ON e.t0 = days.day AND e.m BETWEEN lo AND hi
    WHERE NOT kept_days AND (tg IS NULL OR e.tags && tg)
    UNION ALL
    -- Events that started before the window and last into it.
    SELECT e.m >> shift, 1 FROM atlas.events e
    WHERE e.t1 > e.t0 AND e.t0 BETWEEN f - meta.longest_span AND f - 1 AND e.t1 >= f
      AND e.m BETWEEN lo AND hi AND (tg IS NULL OR e.tags && tg)
  ) parts (c, n)
  GROUP BY parts.c
  -- A cell whose events of a month all began on the days taken away holds none of the window's.
  HAVING sum(parts.n) > 0;
END $$;

-- The tile: raw points (layer "events": id, t0, t1) from raw_from_zoom on, counts per cell
-- (layer "cells": n, the events of the window in that square, atlas.tile_cells) below it. The
-- window is every event whose days overlap [from, to]; tags keeps events with any of the tags.
-- The signature Martin calls with the query string as JSON: fn(z, x, y, query_params json).
-- https://maplibre.org/martin/sources-pg-functions.html
CREATE FUNCTION atlas.tile(z integer, x integer, y integer, query_params json DEFAULT '{}') RETURNS bytea
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  meta atlas.meta;
  f int; t int; tg text[];
  lo bigint; hi bigint;       -- the tile's range of m
  envelope geometry := ST_TileEnvelope(z, x, y);
  k bigint; u bigint;         -- cells a side of the tile, and a cell's side in tile units
  mvt bytea;
BEGIN
  SELECT * INTO meta FROM atlas.meta LIMIT 1;
  IF meta IS NULL OR meta.raw_from_zoom IS NULL OR z > 20 THEN RETURN ''::bytea; END IF;
  f := atlas.day_of(query_params->>'from', meta.first_day);
  t := atlas.day_of(query_params->>'to', meta.last_day);
  tg := atlas.tags_of(query_params->>'tags');

  IF z >= meta.raw_from_zoom THEN
    lo := ((atlas.spread(y) << 1) | atlas.spread(x)) << (2 * (20 - z));
    hi := lo + (1::bigint << (2 * (20 - z))) - 1;
    SELECT ST_AsMVT(q, 'events', 4096, 'geom', 'id') INTO mvt FROM (
      SELECT e.id, e.t0, e.t1, ST_AsMVTGeom(e.geom, envelope, 4096, 0, false) AS geom
      FROM atlas.events e
      WHERE e.m BETWEEN lo AND hi AND e.t0 <= t AND e.t1 >= f AND (tg IS NULL OR e.tags && tg)
    ) q;
    RETURN coalesce(mvt, ''::bytea);
  END IF;

  -- Each cell's square written in the tile's own coordinates (4096 a side, y down), where
  -- ST_AsMVTGeom would project and clip squares that lie inside the tile by construction (half
  -- the time of a zoom-6 tile of 2,800 cells). k cells a side, each u units; the ring runs
  -- clockwise on screen, as the MVT specification asks of an outer ring (4.3.4.3).
  -- A cell's place in its tile is the low bits of its code (k × k cells: the low 2 log2 k).
  k := 1 << (least(z + 6, 20) - z);
  u := 4096 / k;
  SELECT ST_AsMVT(q, 'cells', 4096, 'geom') INTO mvt FROM (
    SELECT cells.n, ST_Reverse(ST_MakeEnvelope(cx * u, cy * u, (cx + 1) * u, (cy + 1) * u)) AS geom
    FROM atlas.tile_cells(z, x, y, f, t, tg) cells,
      LATERAL (SELECT atlas.compact6(cells.c & (k * k - 1)) AS cx, atlas.compact6((cells.c >> 1) & (k * k - 1)) AS cy) local
  ) q;
  RETURN coalesce(mvt, ''::bytea);
END $$;

-- The same tile for pg_tileserv, which passes query parameters by the function's argument names.
-- https://access.crunchydata.com/documentation/pg_tileserv/latest/usage/function-layers/
CREATE FUNCTION atlas.tile_by_name(z integer, x integer, y integer, "from" text DEFAULT NULL, "to" text DEFAULT NULL, tags text DEFAULT NULL)
RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT atlas.tile(z, x, y, json_build_object('from', "from", 'to', "to", 'tags', tags))
$$;

-- A box in degrees (west, south, east, north, either way round) → Web Mercator metres, inside the
-- square the map can show.
CREATE FUNCTION atlas.box_metres(west float8, south float8, east float8, north float8) RETURNS geometry
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ST_Transform(ST_MakeEnvelope(greatest(least(west, east), -180), greatest(least(south, north), -85.05112878),
    least(greatest(west, east), 180), least(greatest(south, north), 85.05112878), 4326), 3857)
$$;

-- The level a box's cover divides its edge to (atlas.box_cover's `finest`): cells about a 32nd of
-- the box across. Finer, the edge holds fewer events to test one by one but more cells to read.
CREATE FUNCTION atlas.edge_level(bx geometry) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT greatest(0, ceil(log(2.0, (2 * atlas.half_world() * 32 /
    greatest(ST_XMax(bx) - ST_XMin(bx), ST_YMax(bx) - ST_YMin(bx), 1))::numeric))::int - 6)
$$;

-- Whether the cell (cx, cy) of size s lies wholly inside the box, 1 m clear of its edge. The cell's
-- box is [-h + cx s, -h + (cx + 1) s] × [h - (cy + 1) s, h - cy s] (rows counted from the top).
CREATE FUNCTION atlas.cell_inside(cx bigint, cy bigint, s float8, x0 float8, y0 float8, x1 float8, y1 float8)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT -atlas.half_world() + cx * s >= x0 + 1 AND -atlas.half_world() + (cx + 1) * s <= x1 - 1
     AND atlas.half_world() - (cy + 1) * s >= y0 + 1 AND atlas.half_world() - cy * s <= y1 - 1
$$;

-- The cells of the counts kept ahead that cover a box (x0, y0, x1, y1 in Web Mercator metres),
-- coarse inside and fine along the edges: a quadtree from level 0 down, each cell either wholly
-- inside the box (inside, not divided further) or crossing its edge (divided down to `finest`,
-- where what is left is an edge cell whose events are tested one by one). lo..hi is the cell's
-- range of m. A cell counts as wholly inside only 1 m clear of the edge, so that no rounding
-- between a point's m and its geom can put an event outside the box into an inside cell.
CREATE FUNCTION atlas.box_cover(x0 float8, y0 float8, x1 float8, y1 float8, finest int)
RETURNS TABLE (level int, c bigint, lo bigint, hi bigint, inside boolean) LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH RECURSIVE cells (l, cx, cy, inside) AS (
    SELECT 0, gx, gy, atlas.cell_inside(gx, gy, atlas.half_world() / 32, x0, y0, x1, y1)
    FROM generate_series(greatest(0, floor((x0 + atlas.half_world()) / (atlas.half_world() / 32)))::int,
                         least(63, floor((x1 + atlas.half_world()) / (atlas.half_world() / 32)))::int) gx,
         generate_series(greatest(0, floor((atlas.half_world() - y1) / (atlas.half_world() / 32)))::int,
                         least(63, floor((atlas.half_world() - y0) / (atlas.half_world() / 32)))::int) gy
    UNION ALL
    SELECT k.l, k.cx, k.cy, atlas.cell_inside(k.cx, k.cy, k.s, x0, y0, x1, y1)
    FROM (
      SELECT p.l + 1 AS l, 2 * p.cx + d.dx AS cx, 2 * p.cy + d.dy AS cy, atlas.half_world() / (1::bigint << (p.l + 6)) AS s
      FROM cells p, (VALUES (0, 0), (0, 1), (1, 0), (1, 1)) d (dx, dy)
      WHERE p.l < finest AND NOT p.inside
    ) k
    -- Children that do not touch the box are dropped.
    WHERE -atlas.half_world() + (k.cx + 1) * k.s >= x0 AND -atlas.half_world() + k.cx * k.s <= x1
      AND atlas.half_world() - k.cy * k.s >= y0 AND atlas.half_world() - (k.cy + 1) * k.s <= y1
  )
  SELECT l, code, code << (2 * (14 - l)), ((code + 1) << (2 * (14 - l))) - 1, inside
  FROM (SELECT l, (atlas.spread(cy) << 1) | atlas.spread(cx) AS code, inside FROM cells WHERE inside OR l = finest) k
$$;

-- The events of a window in a box (west, south, east, north in degrees): the atlas's count, and
-- its list. The box is covered by cells (atlas.box_cover, above): the events of each are one range
-- of m in the (m, t0) index, those of a cell wholly inside the box taken as they are, those of a
-- cell on its edge tested against the box. The cells are about a 32nd of the box across, so the
-- events read are the box's and few more, however small the box and long the window.
CREATE FUNCTION atlas.window_events(f int, t int, tg text[], west float8, south float8, east float8, north float8)
RETURNS SETOF atlas.events LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  bx geometry := atlas.box_metres(west, south, east, north);
  longest int := (SELECT coalesce(max(longest_span), 0) FROM atlas.meta);
BEGIN
  -- One scan of the (m, t0) index a cell. OFFSET 0 keeps the planner from folding the scan into a
  -- join, which it did, reading the whole window once and matching it to every cell (18 s for a
  -- street over a year, at 10,000,000 events). EXECUTE plans it with the window's days known.
  RETURN QUERY EXECUTE $q$
    SELECT e.* FROM atlas.box_cover(ST_XMin($1), ST_YMin($1), ST_XMax($1), ST_YMax($1), $2) i,
      LATERAL (
        SELECT * FROM atlas.events e
        -- t0 from f - longest: implied by t1 >= f, but it lets the scan skip the years before the window.
        WHERE e.m BETWEEN i.lo AND i.hi AND e.t0 BETWEEN $3 - $5 AND $4 AND e.t1 >= $3 AND ($6::text[] IS NULL OR e.tags && $6)
        OFFSET 0
      ) e
    WHERE i.inside OR e.geom && $1
  $q$ USING bx,
    least(14, atlas.edge_level(bx)),
    f, t, longest, tg;
END $$;

-- How many events of a window lie in a box (degrees): the atlas's count, equal to
-- SELECT count(*) FROM atlas.window_events(...), without reading every event in the box. Cells
-- wholly inside it are summed from the counts kept ahead (whole months; the end days at the
-- coarse levels), with the events the counts do not hold (end days at the fine levels, spans
-- begun before the window) found by time and matched to their inside cell by m; only the events
-- in the cells on the box's edge are tested against the box one by one. A tag filter counts
-- from the events.
CREATE FUNCTION atlas.window_count(f int, t int, tg text[], west float8, south float8, east float8, north float8)
RETURNS bigint LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  meta atlas.meta;
  bx geometry := atlas.box_metres(west, south, east, north);
  finest int;
  ma int; mb int; full_from int; full_to int;
  levels int[]; cells bigint[]; los bigint[]; his bigint[]; insides boolean[];
  total bigint;
BEGIN
  SELECT * INTO meta FROM atlas.meta LIMIT 1;
  IF meta IS NULL OR meta.pyramid_level IS NULL OR meta.pyramid_level < 0 OR tg IS NOT NULL OR west > east OR south > north THEN
    RETURN (SELECT count(*) FROM atlas.window_events(f, t, tg, west, south, east, north));
  END IF;
  -- Divide the edge as atlas.edge_level says, or to the finest level kept.
  finest := least(meta.pyramid_level, atlas.edge_level(bx));
  SELECT * INTO ma, mb, full_from, full_to FROM atlas.whole_months(f, t, true);
  SELECT array_agg(k.level), array_agg(k.c), array_agg(k.lo), array_agg(k.hi), array_agg(k.inside) INTO levels, cells, los, his, insides
  FROM atlas.box_cover(ST_XMin(bx), ST_YMin(bx), ST_XMax(bx), ST_YMax(bx), finest) k;
  IF levels IS NULL THEN RETURN 0; END IF;

  -- Planned afresh for each box (EXECUTE), so the planner knows how many cells the cover holds.
  -- $1..$5 the cover; $6, $7 the window; $8..$11 its whole months; $12 day_level; $13 finest;
  -- $14 the longest span; $15 the box; $16 the inside cells' codes.
  EXECUTE $q$
    WITH cover AS (SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[], $4::bigint[], $5::boolean[]) AS i (level, c, lo, hi, inside))
    SELECT
      -- Inside: whole months, counted ahead.
      (SELECT coalesce(sum(cm.n), 0) FROM cover i JOIN atlas.cell_months cm ON cm.level = i.level AND cm.c = i.c
        WHERE i.inside AND cm.month BETWEEN $8 AND $9)
      -- Inside: events begun on the end days, counted ahead at the coarse levels…
    + (SELECT coalesce(sum(cd.n), 0) FROM cover i JOIN atlas.cell_days cd ON cd.level = i.level AND cd.c = i.c
        WHERE i.inside AND i.level <= $12
          AND (cd.day BETWEEN $6 AND least($7, $10 - 1) OR cd.day BETWEEN greatest($6, $11 + 1) AND $7))
      -- …and from the events at the fine ones, cell by cell: an index-only scan of (m, t0).
    + (SELECT coalesce(sum(k.n), 0) FROM cover i, LATERAL (
        SELECT count(*) AS n FROM atlas.events e
        WHERE e.m BETWEEN i.lo AND i.hi AND (e.t0 BETWEEN $6 AND least($7, $10 - 1) OR e.t0 BETWEEN greatest($6, $11 + 1) AND $7)) k
        WHERE i.inside AND i.level > $12)
      -- Inside: events begun before the window that last into it (few: a partial index holds
      -- the spans), each matched to the inside cell holding it at any level ($16: the inside
      -- cells' codes, c * 16 + level, looked up by hash).
    + (SELECT count(*) FROM atlas.events e, generate_series(0, $13) l
        WHERE e.t1 > e.t0 AND e.t0 BETWEEN $6 - $14 AND $6 - 1 AND e.t1 >= $6
          AND ((e.m >> (2 * (14 - l))) << 4 | l) = ANY ($16))
      -- On the edge: each event of the window in the cell tested against the box (coalesce keeps
      -- the planner from reading the box's whole GiST again for each cell).
    + (SELECT coalesce(sum(k.n), 0) FROM cover i, LATERAL (
        SELECT count(*) AS n FROM atlas.events e
        WHERE e.m BETWEEN i.lo AND i.hi AND e.t0 BETWEEN $6 - $14 AND $7 AND e.t1 >= $6 AND coalesce(e.geom && $15, false)) k
        WHERE NOT i.inside)
  $q$ INTO total
  USING levels, cells, los, his, insides, f, t, ma, mb, full_from, full_to, meta.day_level, finest, meta.longest_span, bx,
    (SELECT array_agg(cells[i] << 4 | levels[i]) FROM generate_subscripts(cells, 1) i WHERE insides[i]);
  RETURN total;
END $$;

-- A page of the events of a window in a box, in time order, after the event (after_t0, after_id):
-- the atlas's list. Few in the box (`few`, 20,000, or fewer by atlas.window_count, cheap without
-- tags): all of them read through the cover, then sorted. Many: the window read in time order,
-- each event tested against the box until the page is full, which takes about page × (events in
-- the window ÷ events in the box) reads, where sorting all of a year of Baghdad would take seconds.
-- (The count is taken without tags: a rare tag over a large box makes the second way read long.)
CREATE FUNCTION atlas.window_page(f int, t int, tg text[], west float8, south float8, east float8, north float8,
  after_t0 int, after_id bigint, page int, few int DEFAULT 20000)
RETURNS SETOF atlas.events LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  box geometry := atlas.box_metres(west, south, east, north);
  meta atlas.meta;
BEGIN
  SELECT * INTO meta FROM atlas.meta LIMIT 1;
  -- A box around the whole collection holds every event of the window: read in time order, each
  -- page comes at once, and the count (a tenth of a second for such a box) is not needed.
  IF NOT (least(west, east) <= meta.west AND greatest(west, east) >= meta.east AND least(south, north) <= meta.south AND greatest(south, north) >= meta.north)
    AND atlas.window_count(f, t, NULL, west, south, east, north) <= few THEN
    RETURN QUERY SELECT * FROM atlas.window_events(f, t, tg, west, south, east, north) e
      WHERE (e.t0, e.id) > (after_t0, after_id) ORDER BY e.t0, e.id LIMIT page;
  ELSE
    -- In two parts, each read in time order: the spans begun before the window (few, from the
    -- partial index of spans), then the events begun in it. One scan from f - longest_span read
    -- every single day's event of the 60 days before the window first (0.1 s a page).
    RETURN QUERY
      (SELECT * FROM atlas.events e
        WHERE e.t1 > e.t0 AND e.t0 BETWEEN f - meta.longest_span AND f - 1 AND e.t1 >= f
          AND (e.t0, e.id) > (after_t0, after_id) AND (tg IS NULL OR e.tags && tg) AND e.geom && box
        ORDER BY e.t0, e.id LIMIT page)
      UNION ALL
      (SELECT * FROM atlas.events e
        WHERE e.t0 BETWEEN f AND t AND (e.t0, e.id) > (after_t0, after_id) AND (tg IS NULL OR e.tags && tg) AND e.geom && box
        ORDER BY e.t0, e.id LIMIT page)
      ORDER BY 5, 1 LIMIT page;
  END IF;
END $$;
