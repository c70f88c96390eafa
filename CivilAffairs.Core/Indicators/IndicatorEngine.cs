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
/// Computes indicators in the database. Each measure is one grouped query (GROUP BY division code)
/// run under the current user's scope; the few rows it returns are rolled up to the requested
/// division and its children. The dashboard and the reports use this and only this.
/// </summary>
public sealed class IndicatorEngine(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<IndicatorResult>> ComputeAsync(
        IEnumerable<IndicatorDefinition> definitions, Period period, string divisionCode, CancellationToken cancellationToken = default)
    {
        var division = RequireInScope(divisionCode);
        await using var db = factory.CreateDbContext();
        var cache = new MeasureCache(db);
        var children = ChildrenOf(division);
        var results = new List<IndicatorResult>();
        foreach (var definition in definitions)
        {
            var current = await cache.ValuesAsync(definition, period, cancellationToken);
            var previous = await cache.ValuesAsync(definition, period.Previous, cancellationToken);
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

    /// <summary>The indicator for each of the <paramref name="months"/> months ending with <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<SeriesPoint>> SeriesAsync(
        IndicatorDefinition definition, Period last, string divisionCode, int months = 12, CancellationToken cancellationToken = default)
    {
        var division = RequireInScope(divisionCode);
        await using var db = factory.CreateDbContext();
        var cache = new MeasureCache(db);
        var points = new List<SeriesPoint>();
        foreach (var period in Period.Range(last.AddMonths(1 - months), last))
        {
            var values = await cache.ValuesAsync(definition, period, cancellationToken);
            points.Add(new SeriesPoint(period, Evaluate(definition, values, division.Code).Value));
        }

        return points;
    }

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
        var numerator = values.Numerator.RollUp(divisionCode, exactOnly);
        if (definition.Denominator is null)
        {
            return new IndicatorValue(Math.Round(numerator * definition.Scale, definition.Decimals), null, null);
        }

        var denominator = values.Denominator!.RollUp(divisionCode, exactOnly);
        var value = denominator == 0 ? (decimal?)null : Math.Round(numerator / denominator * definition.Scale, definition.Decimals);
        return new IndicatorValue(value, numerator, denominator);
    }

    /// <summary>Per-division values of a measure; rolled up by code prefix.</summary>
    private sealed class DivisionValues(IReadOnlyDictionary<string, decimal> byCode)
    {
        public decimal RollUp(string divisionCode, bool exactOnly)
        {
            if (exactOnly)
            {
                return byCode.GetValueOrDefault(divisionCode);
            }

            var prefix = DivisionScope.For(divisionCode).Prefix;
            return byCode.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);
        }
    }

    private sealed record MeasuredValues(DivisionValues Numerator, DivisionValues? Denominator);

    /// <summary>Runs each (measure, window) once per computation; indicators sharing a measure share the query.</summary>
    private sealed class MeasureCache(CivilAffairsDbContext db)
    {
        private readonly Dictionary<(string, DateWindow), DivisionValues> _values = [];

        public async Task<MeasuredValues> ValuesAsync(IndicatorDefinition definition, Period period, CancellationToken cancellationToken)
        {
            var window = definition.Kind switch
            {
                IndicatorKind.Flow => new DateWindow(period.Start, period.End),
                IndicatorKind.YearToDate => new DateWindow(period.YearStart.Start, period.End),
                _ => new DateWindow(null, period.End),
            };
            var numerator = await GetAsync(definition.Numerator, window, cancellationToken);
            if (definition.Kind == IndicatorKind.Cumulative)
            {
                numerator = await WithOpeningBalanceAsync(definition.Code, numerator, period, cancellationToken);
            }

            var denominator = definition.Denominator is null ? null : await GetAsync(definition.Denominator, window, cancellationToken);
            return new MeasuredValues(numerator, denominator);
        }

        private async Task<DivisionValues> GetAsync(Measure measure, DateWindow window, CancellationToken cancellationToken)
        {
            if (!_values.TryGetValue((measure.Key, window), out var values))
            {
                var rows = await measure.Query(db, window).ToListAsync(cancellationToken);
                values = new DivisionValues(rows.GroupBy(r => r.DivisionCode).ToDictionary(g => g.Key, g => g.Sum(r => r.Value)));
                _values[(measure.Key, window)] = values;
            }

            return values;
        }

        private async Task<DivisionValues> WithOpeningBalanceAsync(string code, DivisionValues values, Period period, CancellationToken cancellationToken)
        {
            var key = period.Key;
            var balances = await db.OpeningBalances.AsNoTracking()
                .Where(b => b.IndicatorCode == code && b.Before <= key)
                .Select(b => new DivisionValue(b.DivisionCode, b.Value))
                .ToListAsync(cancellationToken);
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
