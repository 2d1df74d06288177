/**
 * The best hand-written SQL for each dashboard answer: one statement, one round trip, the
 * figures computed in the database (completion, schedule, lag, roll-ups). Simplified against the
 * app where noted: an even schedule (no seasonal profile) and no carry-forward of a missing month.
 */

/** $1 indicator, $2 parent, $3 year, $4 month: each child's and the parent's completion. */
export const PROGRESS = `
  with r as (select code, false as is_parent from regions where parent_code = $2
             union all select $2, true),
  f as (
    select r.code, r.is_parent, t.value as target, t.due_month, rep.value, rep.numerator, rep.denominator
    from r
    left join targets t on t.indicator_code = $1 and t.year = $3 and t.region_code = r.code
    left join lateral (
      select p.value, p.numerator, p.denominator from reports p
      where p.indicator_code = $1 and p.year = $3 and p.region_code = r.code
        and p.month <= $4 and p.status = 'approved'
      order by p.month desc limit 1) rep on true
  )
  select code, target, value, numerator / nullif(denominator, 0) as share, value / nullif(target, 0) as completion
  from f
  union all
  select 'roll-up', max(target) filter (where is_parent), sum(value) filter (where not is_parent),
         sum(numerator) filter (where not is_parent) / nullif(sum(denominator) filter (where not is_parent), 0),
         sum(value) filter (where not is_parent) / nullif(max(target) filter (where is_parent), 0)
  from f`;

/** $1 parent, $2 year, $3 month: children behind schedule on any indicator, with their streaks. */
export const LAGGING = `
  with f as (
    select p.indicator_code as ic, p.region_code as rc, p.month as m,
           case when i.kind = 'ratio' then (p.numerator / nullif(p.denominator, 0)) / nullif(t.value, 0)
                when i.direction = 'lower_is_better' then t.value / nullif(p.value, 0)
                else p.value / nullif(t.value, 0) end as completion,
           case when i.kind = 'cumulative' then least(1, p.month::numeric / t.due_month) else 1 end as schedule
    from regions r
    join reports p on p.region_code = r.code and p.year = $2 and p.month <= $3 and p.status = 'approved'
    join indicators i on i.code = p.indicator_code
    join targets t on t.indicator_code = p.indicator_code and t.region_code = p.region_code and t.year = $2
    where r.parent_code = $1
  ),
  s as (
    select *, (completion - schedule) * 100 as lag,
           sum(case when completion >= schedule then 1 else 0 end)
             over (partition by ic, rc order by m desc rows unbounded preceding) as ok_since
    from f
  )
  select ic, rc, max(lag) filter (where m = $3) as lag, count(*) filter (where ok_since = 0) as months_behind
  from s group by ic, rc
  having bool_or(m = $3 and lag < 0)
  order by lag`;

/** $1 region, $2 year, $3 month: every indicator's roll-up month by month and status counts. */
export const OVERVIEW = `
  with f as (
    select p.indicator_code as ic, p.region_code as rc, p.month as m, i.kind, p.value, p.numerator,
           p.denominator, t.value as target, t.due_month,
           case when i.kind = 'ratio' then (p.numerator / nullif(p.denominator, 0)) / nullif(t.value, 0)
                when i.direction = 'lower_is_better' then t.value / nullif(p.value, 0)
                else p.value / nullif(t.value, 0) end as completion,
           case when i.kind = 'cumulative' then least(1, p.month::numeric / t.due_month) else 1 end as schedule
    from regions r
    join reports p on p.region_code = r.code and p.year = $2 and p.month <= $3 and p.status = 'approved'
    join indicators i on i.code = p.indicator_code
    left join targets t on t.indicator_code = p.indicator_code and t.region_code = p.region_code and t.year = $2
    where r.parent_code = $1
  )
  select ic, m, sum(value) as value, sum(numerator) / nullif(sum(denominator), 0) as share,
         (select value from targets where indicator_code = ic and region_code = $1 and year = $2) as target,
         count(*) filter (where m = $3 and completion >= schedule) as green,
         count(*) filter (where m = $3 and completion < schedule and (schedule - completion) <= 0.1) as yellow,
         count(*) filter (where m = $3 and (schedule - completion) > 0.1) as red
  from f group by ic, m order by ic, m`;

/** $1 parent, $2 year, $3 month: completion and lag of every child on every indicator. */
export const MATRIX = `
  select r.code, i.code as indicator,
         case when i.kind = 'ratio' then (rep.numerator / nullif(rep.denominator, 0)) / nullif(t.value, 0)
              when i.direction = 'lower_is_better' then t.value / nullif(rep.value, 0)
              else rep.value / nullif(t.value, 0) end as completion,
         case when i.kind = 'cumulative' then least(1, $3::numeric / t.due_month) else 1 end as schedule
  from regions r
  cross join indicators i
  left join targets t on t.indicator_code = i.code and t.year = $2 and t.region_code = r.code
  left join lateral (
    select p.value, p.numerator, p.denominator from reports p
    where p.indicator_code = i.code and p.year = $2 and p.region_code = r.code
      and p.month <= $3 and p.status = 'approved'
    order by p.month desc limit 1) rep on true
  where r.parent_code = $1
  order by r.code, i.sort_order`;

/** $1 indicator, $2 region, $3 year: the region's roll-up of its children, month by month. */
export const TREND = `
  select p.month, sum(p.value) as value, sum(p.numerator) / nullif(sum(p.denominator), 0) as share,
         (select value from targets where indicator_code = $1 and region_code = $2 and year = $3) as target
  from regions r
  join reports p on p.region_code = r.code and p.indicator_code = $1 and p.year = $3 and p.status = 'approved'
  where r.parent_code = $2
  group by p.month order by p.month`;
