using CivilAffairs.Core.Common;
using CivilAffairs.Core.Indicators;

namespace CivilAffairs.Core.Reporting;

/// <summary>A KPI for the leadership report: value, target and status, 12 months and the county comparison.</summary>
public sealed record KpiFigure(
    string Code,
    string Name,
    IndicatorUnit Unit,
    decimal? Value,
    decimal? Previous,
    IndicatorTarget? Target,
    TargetStatus Status,
    IReadOnlyList<(Period Period, decimal? Value)> Series,
    IReadOnlyList<BreakdownFigure> Counties);

public sealed record KpiReportData(int PeriodKey, string DivisionCode, string DivisionName, DateTimeOffset GeneratedAt, IReadOnlyList<KpiFigure> Kpis)
{
    public Period Period => Period.FromKey(PeriodKey);
}

/// <summary>
/// One funding programme: its amount in each month of the year up to the period (when the catalogue keeps
/// it monthly), 本年 (year to date) and 累计 (cumulative, where the catalogue has one), each by division
/// (all in 万元). 本年 and 累计 are never mixed in one column.
/// </summary>
public sealed record FundingProgram(
    string Code,
    string Name,
    IReadOnlyList<(Period Period, decimal? Value)> Months,
    decimal? YearToDate,
    decimal? Cumulative,
    IReadOnlyList<BreakdownFigure> YearToDateByCounty,
    IReadOnlyList<BreakdownFigure> CumulativeByCounty);

public sealed record FundingReportData(int PeriodKey, string DivisionCode, string DivisionName, DateTimeOffset GeneratedAt, IReadOnlyList<FundingProgram> Programs)
{
    public Period Period => Period.FromKey(PeriodKey);

    /// <summary>Every division any programme has a figure for: the division's own records (州直/县直) first, then the children by code.</summary>
    public IReadOnlyList<BreakdownFigure> Columns { get; } = [.. Programs.SelectMany(p => p.YearToDateByCounty.Concat(p.CumulativeByCounty))
        .Select(b => (b.DivisionCode, b.DivisionName)).Distinct()
        .OrderBy(c => c.DivisionCode == DivisionCode ? 0 : 1).ThenBy(c => c.DivisionCode, StringComparer.Ordinal)
        .Select(c => new BreakdownFigure(c.DivisionCode, c.DivisionName, null))];
}
