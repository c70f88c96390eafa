using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Indicators;

/// <summary>An indicator's value with the parts it was computed from (ratios only).</summary>
public sealed record IndicatorValue(decimal? Value, decimal? Numerator, decimal? Denominator);

public sealed record BreakdownRow(string DivisionCode, string Name, IndicatorValue Value);

public sealed record SeriesPoint(Period Period, decimal? Value);

public enum TargetStatus
{
    NoTarget,
    Met,
    NotMet,
}

/// <summary>An indicator for one division and month, with last month and the breakdown by child divisions.</summary>
public sealed record IndicatorResult(
    IndicatorDefinition Definition,
    string DivisionCode,
    Period Period,
    IndicatorValue Current,
    IndicatorValue Previous,
    IReadOnlyList<BreakdownRow> Breakdown)
{
    public TargetStatus Status => Definition.Target is not { } target || Current.Value is not { } value
        ? TargetStatus.NoTarget
        : target.IsMet(value) ? TargetStatus.Met : TargetStatus.NotMet;

    /// <summary>Change on last month in the indicator's unit (percentage points for ratios).</summary>
    public decimal? ChangeOnLastMonth => Current.Value - Previous.Value;
}

/// <summary>
/// Computes indicators in the database under the current user's scope. Per-division counts and
/// sums (most measures) are computed together: one statement for all of them and every window the
/// computation needs (this month and last, or the twelve months of a series), with a row per
/// division and a scalar subquery per measure and window part. Other measures are one grouped query each.
/// The per-division values are rolled up to the requested division and its children. The dashboard
/// and the reports use this and only this.
/// </summary>
public sealed class IndicatorEngine(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<IndicatorResult>> ComputeAsync(
        IEnumerable<IndicatorDefinition> definitions, Period period, string divisionCode, CancellationToken cancellationToken = default)
    {
        var division = RequireInScope(divisionCode);
        var list = definitions.ToList();
        await using var db = factory.CreateDbContext();
        var cache = new MeasureCache(db, division.Code);
        await cache.LoadAsync(list, [period, period.Previous], cancellationToken);
        var children = ChildrenOf(division);
        var results = new List<IndicatorResult>(list.Count);
        foreach (var definition in list)
        {
            var current = cache.Values(definition, period);
            var previous = cache.Values(definition, period.Previous);
            results.Add(new IndicatorResult(
                definition,
                division.Code,
                period,
                Evaluate(definition, current, division.Code),
                Evaluate(definition, previous, division.Code),
                children.Select(c => (c.ExactOnly, Row: new BreakdownRow(c.Code, c.Name, Evaluate(definition, current, c.Code, c.ExactOnly))))
                    .Where(c => !c.ExactOnly || !IsEmpty(c.Row.Value)).Select(c => c.Row).ToList()));
        }

        return results;
    }

    /// <summary>
    /// The flows and year-to-date indicators whose records have not started by the end of a period: nothing
    /// recorded on or before that day for the division (and no opening balance for the programme). Their
    /// value for that period is "no data" (—), not 0: e.g. 上年同期 before the first payment of a programme.
    /// Stocks are not judged (a zero stock is a state); cumulative totals are "no data" when an opening balance
    /// is dated after the period (see <see cref="ComputeAsync"/>).
    /// </summary>
    public async Task<IReadOnlySet<(string Code, int PeriodKey)>> NotStartedAsync(
        IEnumerable<IndicatorDefinition> definitions, IReadOnlyList<Period> periods, string divisionCode, CancellationToken cancellationToken = default)
    {
        var division = RequireInScope(divisionCode);
        var flows = definitions.Where(d => d.Kind is IndicatorKind.Flow or IndicatorKind.YearToDate).ToList();
        var result = new HashSet<(string, int)>();
        if (flows.Count == 0 || periods.Count == 0)
        {
            return result;
        }

        // Everything recorded up to the period's end: the numerator's measure over an open-start window.
        var sinceRecordsBegan = flows.ConvertAll(d => d with { Kind = IndicatorKind.Cumulative, Denominator = null });
        await using var db = factory.CreateDbContext();
        var cache = new MeasureCache(db, division.Code);
        await cache.LoadAsync(sinceRecordsBegan, periods, cancellationToken, balancesFor: [.. IndicatorCatalog.All.Where(d => d.Kind == IndicatorKind.Cumulative).Select(d => d.Code)]);
        foreach (var definition in sinceRecordsBegan)
        {
            var cumulativeSibling = IndicatorCatalog.All.FirstOrDefault(d => d.Kind == IndicatorKind.Cumulative && d.Numerator.Key == definition.Numerator.Key);
            foreach (var period in periods)
            {
                var recorded = cache.Values(definition, period).Numerator.RollUp(division.Code, exactOnly: false);
                if (recorded == 0 && (cumulativeSibling is null || !cache.HasBalanceBy(cumulativeSibling.Code, division.Code, period)))
                {
                    result.Add((definition.Code, period.Key));
                }
            }
        }

        return result;
    }

    /// <summary>The indicator for each of the <paramref name="months"/> months ending with <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<SeriesPoint>> SeriesAsync(
        IndicatorDefinition definition, Period last, string divisionCode, int months = 12, CancellationToken cancellationToken = default)
    {
        var division = RequireInScope(divisionCode);
        var periods = Period.Range(last.AddMonths(1 - months), last).ToList();
        await using var db = factory.CreateDbContext();
        var cache = new MeasureCache(db, division.Code);
        await cache.LoadAsync([definition], periods, cancellationToken);
        return periods.ConvertAll(period => new SeriesPoint(period, Evaluate(definition, cache.Values(definition, period), division.Code).Value));
    }

    /// <summary>The dates an indicator counts for a month: the month (本月), 1 January to its end (本年), or everything up to its end (stocks, cumulative).</summary>
    internal static DateWindow WindowOf(IndicatorDefinition definition, Period period) => definition.Kind switch
    {
        IndicatorKind.Flow => new DateWindow(period.Start, period.End),
        IndicatorKind.YearToDate => new DateWindow(period.YearStart.Start, period.End),
        _ => new DateWindow(null, period.End),
    };

    private Division RequireInScope(string divisionCode)
    {
        var division = DivisionCatalog.Find(divisionCode) ?? throw new DomainException("行政区划不存在。");
        if (!currentUser.User.Scope.Contains(division.Code))
        {
            throw new AccessDeniedException($"{division.Name}不在您的管辖范围（{currentUser.User.Scope.Name}）内。");
        }

        return division;
    }

    // A 州直/县直 row only appears when records are kept at that level for the indicator.
    private static bool IsEmpty(IndicatorValue value) => (value.Value ?? 0) == 0 && (value.Denominator ?? 0) == 0;

    /// <summary>
    /// The prefecture's own records (州直) and its counties; a county's own records (县直) and its
    /// 乡镇/街道; nothing below a township. The rows add up to the division's total.
    /// </summary>
    private static List<(string Code, string Name, bool ExactOnly)> ChildrenOf(Division division) => division.Level switch
    {
        DivisionLevel.Prefecture =>
        [
            (division.Code, division.Name + "（州直）", true),
            .. DivisionCatalog.All.Where(d => d.ParentCode == division.Code).Select(d => (d.Code, d.Name, false)),
        ],
        DivisionLevel.County =>
        [
            (division.Code, division.Name + "（县直）", true),
            .. DivisionCatalog.All.Where(d => d.ParentCode == division.Code).Select(d => (d.Code, d.Name, false)),
        ],
        _ => [],
    };

    private static IndicatorValue Evaluate(IndicatorDefinition definition, MeasuredValues values, string divisionCode, bool exactOnly = false)
    {
        // A cumulative total whose opening balance is dated after the period is unknown there ("no data"), not the records alone.
        var prefix = DivisionScope.For(divisionCode).Prefix;
        if (values.UnknownIn.Any(code => exactOnly ? code == divisionCode : code.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return new IndicatorValue(null, null, null);
        }

        var numerator = values.Numerator.RollUp(divisionCode, exactOnly);
        if (definition.Denominator is null)
        {
            return new IndicatorValue(Math.Round(numerator * definition.Scale, definition.Decimals, MidpointRounding.AwayFromZero), null, null);
        }

        var denominator = values.Denominator!.RollUp(divisionCode, exactOnly);
        var value = denominator == 0 ? (decimal?)null : Math.Round(numerator / denominator * definition.Scale, definition.Decimals, MidpointRounding.AwayFromZero);
        return new IndicatorValue(value, numerator, denominator);
    }

    /// <summary>
    /// Per-division values of a measure, rolled up by code prefix: summed, or for a distinct count
    /// (<paramref name="keys"/>) the distinct keys of the divisions below counted once.
    /// </summary>
    private sealed class DivisionValues(IReadOnlyDictionary<string, decimal> byCode, IReadOnlyList<DivisionKey>? keys = null)
    {
        public decimal RollUp(string divisionCode, bool exactOnly)
        {
            if (keys is not null)
            {
                var within = exactOnly ? keys.Where(k => k.DivisionCode == divisionCode) : keys.Where(k => k.DivisionCode.StartsWith(DivisionScope.For(divisionCode).Prefix, StringComparison.Ordinal));
                return within.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count();
            }

            if (exactOnly)
            {
                return byCode.GetValueOrDefault(divisionCode);
            }

            var prefix = DivisionScope.For(divisionCode).Prefix;
            return byCode.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);
        }
    }

    /// <param name="UnknownIn">Divisions whose cumulative total is unknown for the period (an opening balance dated later).</param>
    private sealed record MeasuredValues(DivisionValues Numerator, DivisionValues? Denominator, IReadOnlyList<string> UnknownIn);

    /// <summary>
    /// The values of every (measure, window) a computation needs, read up front: per-division counts
    /// and sums in one statement (<see cref="DivisionAggregateBatch"/>), other measures one query each,
    /// opening balances in one query. Values are kept for the requested division and below only.
    /// </summary>
    private sealed class MeasureCache(CivilAffairsDbContext db, string divisionCode)
    {
        private readonly Dictionary<(string Key, DateWindow? Window), DivisionValues> _values = [];
        private List<(string IndicatorCode, string DivisionCode, int Before, decimal Value)> _balances = [];

        private static (string, DateWindow?) KeyOf(Measure measure, DateWindow window) => (measure.Key, measure.DependsOnWindow ? window : null);

        public async Task LoadAsync(IReadOnlyList<IndicatorDefinition> definitions, IReadOnlyList<Period> periods, CancellationToken cancellationToken, IReadOnlyList<string>? balancesFor = null)
        {
            var wanted = new Dictionary<(string, DateWindow?), (Measure Measure, DateWindow Window)>();
            foreach (var definition in definitions)
            {
                foreach (var period in periods)
                {
                    var window = WindowOf(definition, period);
                    foreach (var measure in definition.Denominator is { } denominator ? [definition.Numerator, denominator] : new[] { definition.Numerator })
                    {
                        wanted.TryAdd(KeyOf(measure, window), (measure, window));
                    }
                }
            }

            var batched = wanted.Where(w => w.Value.Measure.Aggregate is not null).ToList();
            if (batched.Count > 0)
            {
                var columns = await DivisionAggregateBatch.ReadAsync(
                    db, DivisionScope.For(divisionCode).Prefix, [.. batched.Select(b => (b.Value.Measure.Aggregate!, b.Value.Window))], cancellationToken);
                for (var i = 0; i < batched.Count; i++)
                {
                    _values[batched[i].Key] = new DivisionValues(columns[i]);
                }
            }

            foreach (var (key, (measure, window)) in wanted.Where(w => w.Value.Measure.IsDistinct))
            {
                var keys = await measure.Keys(db, window).ToListAsync(cancellationToken);
                _values[key] = new DivisionValues(new Dictionary<string, decimal>(), keys);
            }

            foreach (var (key, (measure, window)) in wanted.Where(w => w.Value.Measure.Aggregate is null && !w.Value.Measure.IsDistinct))
            {
                var rows = await measure.Query(db, window).ToListAsync(cancellationToken);
                _values[key] = new DivisionValues(rows.GroupBy(r => r.DivisionCode).ToDictionary(g => g.Key, g => g.Sum(r => r.Value)));
            }

            var cumulative = balancesFor?.ToList() ?? definitions.Where(d => d.Kind == IndicatorKind.Cumulative).Select(d => d.Code).Distinct().ToList();
            if (cumulative.Count > 0)
            {
                var balances = await db.OpeningBalances.AsNoTracking()
                    .Where(b => cumulative.Contains(b.IndicatorCode))
                    .Select(b => new { b.IndicatorCode, b.DivisionCode, b.Before, b.Value })
                    .ToListAsync(cancellationToken);
                _balances = balances.ConvertAll(b => (b.IndicatorCode, b.DivisionCode, b.Before, b.Value));
            }
        }

        public MeasuredValues Values(IndicatorDefinition definition, Period period)
        {
            var window = WindowOf(definition, period);
            var numerator = _values[KeyOf(definition.Numerator, window)];
            IReadOnlyList<string> unknown = [];
            if (definition.Kind == IndicatorKind.Cumulative)
            {
                numerator = WithOpeningBalance(definition.Code, numerator, period);
                unknown = [.. _balances.Where(b => b.IndicatorCode == definition.Code && b.Before > period.Key).Select(b => b.DivisionCode)];
            }

            var denominator = definition.Denominator is null ? null : _values[KeyOf(definition.Denominator, window)];
            return new MeasuredValues(numerator, denominator, unknown);
        }

        /// <summary>Whether an opening balance of the indicator at or under the division covers a month up to the period.</summary>
        public bool HasBalanceBy(string indicatorCode, string divisionCode, Period period)
        {
            var prefix = DivisionScope.For(divisionCode).Prefix;
            return _balances.Any(b => b.IndicatorCode == indicatorCode && b.Before <= period.Key && b.Value != 0 && b.DivisionCode.StartsWith(prefix, StringComparison.Ordinal));
        }

        private DivisionValues WithOpeningBalance(string code, DivisionValues values, Period period)
        {
            var key = period.Key;
            var balances = _balances.Where(b => b.IndicatorCode == code && b.Before <= key).ToList();
            if (balances.Count == 0)
            {
                return values;
            }

            var merged = DivisionCatalog.All.ToDictionary(d => d.Code, d => values.RollUp(d.Code, exactOnly: true));
            foreach (var balance in balances)
            {
                merged[balance.DivisionCode] = merged.GetValueOrDefault(balance.DivisionCode) + balance.Value;
            }

            return new DivisionValues(merged);
        }
    }
}
