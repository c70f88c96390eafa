using CivilAffairs.Core.Data;

namespace CivilAffairs.Core.Indicators;

/// <summary>A value per division code, as returned by one grouped SQL query.</summary>
public sealed record DivisionValue(string DivisionCode, decimal Value);

/// <summary>The dates a measure counts: flows use both ends; stocks only the end.</summary>
public readonly record struct DateWindow(DateOnly? From, DateOnly To);

/// <summary>
/// A base quantity counted in the database, grouped by the records' division code (at most one
/// row per division: a few dozen rows whatever the table size). Indicators combine measures; the
/// engine rolls the per-division rows up to counties and the prefecture.
/// </summary>
public sealed class Measure(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<DivisionValue>> query)
{
    /// <summary>Identifies the measure in the per-computation cache (two indicators may share one).</summary>
    public string Key { get; } = key;

    public IQueryable<DivisionValue> Query(CivilAffairsDbContext db, DateWindow window) => query(db, window);

    public override string ToString() => Key;
}
