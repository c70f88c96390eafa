using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CivilAffairs.Core.Indicators;

/// <summary>A value per division code, as returned by one grouped SQL query.</summary>
public sealed record DivisionValue(string DivisionCode, decimal Value);

/// <summary>The dates a measure counts: flows use both ends; stocks only the end.</summary>
public readonly record struct DateWindow(DateOnly? From, DateOnly To);

/// <summary>
/// A base quantity counted in the database per division code. Indicators combine measures; the
/// engine rolls the per-division values up to counties and the prefecture. A measure is either
/// <list type="bullet">
/// <item>a <b>per-division count or sum</b> of some rows (<see cref="Count{T}(string, Func{CivilAffairsDbContext, DateWindow, IQueryable{T}})"/>,
/// <see cref="Sum{T}(string, Func{CivilAffairsDbContext, DateWindow, IQueryable{T}}, Expression{Func{T, int}})"/> …):
/// the engine computes all such measures of a computation, for every window it needs, in one SQL
/// statement (a row per division, a scalar subquery per measure and window, each an index seek on
/// the division code); or</item>
/// <item>any <b>grouped query</b> returning at most a few rows per division (the constructor), run on its own
/// for each window.</item>
/// </list>
/// Either way the rows are read under the current user's scope (the context's query filter).
/// </summary>
public sealed class Measure
{
    private readonly Func<CivilAffairsDbContext, DateWindow, IQueryable<DivisionValue>>? _query;

    /// <summary>A measure computed by its own grouped query (GROUP BY division code), once per window.</summary>
    public Measure(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<DivisionValue>> query)
    {
        Key = key;
        _query = query;
    }

    private Measure(string key, DivisionAggregate aggregate)
    {
        Key = key;
        Aggregate = aggregate;
    }

    /// <summary>Identifies the measure in the per-computation cache (two indicators may share one).</summary>
    public string Key { get; }

    /// <summary>False for measures that ignore the window (e.g. a register's current size): computed once per computation.</summary>
    public bool DependsOnWindow => Aggregate?.DependsOnWindow ?? true;

    /// <summary>Set for per-division counts and sums, which the engine batches.</summary>
    internal DivisionAggregate? Aggregate { get; }

    /// <summary>The measure as one grouped query (one row per division code that has rows).</summary>
    public IQueryable<DivisionValue> Query(CivilAffairsDbContext db, DateWindow window) =>
        _query is not null ? _query(db, window) : Aggregate!.GroupedQuery(db, window);

    public override string ToString() => Key;

    /// <summary>The number of <paramref name="rows"/> per division code.</summary>
    public static Measure Count<T>(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<T>> rows)
        where T : class, IDivisionScoped =>
        new(key, new DivisionAggregate<T>(rows, DivisionCodeOf<T>(), null, dependsOnWindow: true));

    /// <summary>The number of <paramref name="rows"/> per division code, whatever the window (current state).</summary>
    public static Measure Count<T>(string key, Func<CivilAffairsDbContext, IQueryable<T>> rows)
        where T : class, IDivisionScoped =>
        new(key, new DivisionAggregate<T>((db, _) => rows(db), DivisionCodeOf<T>(), null, dependsOnWindow: false));

    /// <summary>The number of <paramref name="rows"/> per <paramref name="divisionCode"/> (rows that are not division-scoped records, e.g. divisions).</summary>
    public static Measure Count<T>(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<T>> rows, Expression<Func<T, string>> divisionCode)
        where T : class =>
        new(key, new DivisionAggregate<T>(rows, divisionCode, null, dependsOnWindow: true));

    /// <summary>The number of <paramref name="rows"/> per <paramref name="divisionCode"/>, whatever the window.</summary>
    public static Measure Count<T>(string key, Func<CivilAffairsDbContext, IQueryable<T>> rows, Expression<Func<T, string>> divisionCode)
        where T : class =>
        new(key, new DivisionAggregate<T>((db, _) => rows(db), divisionCode, null, dependsOnWindow: false));

    /// <summary>The sum of <paramref name="value"/> over <paramref name="rows"/> per division code.</summary>
    public static Measure Sum<T>(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<T>> rows, Expression<Func<T, int>> value)
        where T : class, IDivisionScoped =>
        new(key, new DivisionAggregate<T>(rows, DivisionCodeOf<T>(), value, dependsOnWindow: true));

    /// <summary>
    /// The sum of <paramref name="value"/> over <paramref name="rows"/> per division code. On SQLite, where
    /// decimals are TEXT and EF sums them with a managed aggregate called per row, a mapped decimal
    /// property with a configured scale is summed natively as whole units of that scale (分 for money):
    /// exactly the same total.
    /// </summary>
    public static Measure Sum<T>(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<T>> rows, Expression<Func<T, decimal>> value)
        where T : class, IDivisionScoped =>
        new(key, new DivisionAggregate<T>(rows, DivisionCodeOf<T>(), value, dependsOnWindow: true));

    private static Expression<Func<T, string>> DivisionCodeOf<T>()
        where T : class, IDivisionScoped
    {
        var row = Expression.Parameter(typeof(T), "r");
        return Expression.Lambda<Func<T, string>>(Expression.Property(row, nameof(IDivisionScoped.DivisionCode)), row);
    }
}

/// <summary>One column of a batched statement: a scalar expression per division (long or decimal) and what a long counts in.</summary>
/// <param name="Value">Of type <see cref="long"/> or <see cref="decimal"/>.</param>
/// <param name="Divisor">A long value is divided by this (10^scale for decimals summed as whole units).</param>
internal readonly record struct AggregateColumn(Expression Value, decimal Divisor);

/// <summary>A count or sum of rows per division code, composable into a query over divisions.</summary>
internal abstract class DivisionAggregate
{
    public abstract bool DependsOnWindow { get; }

    /// <summary>The measure for one division, as a scalar subquery correlated on <paramref name="divisionCode"/> (a string expression of the outer query).</summary>
    public abstract AggregateColumn ForDivision(CivilAffairsDbContext db, DateWindow window, Expression divisionCode);

    /// <summary>The same measure as one GROUP BY query.</summary>
    public abstract IQueryable<DivisionValue> GroupedQuery(CivilAffairsDbContext db, DateWindow window);
}

internal sealed class DivisionAggregate<T>(
    Func<CivilAffairsDbContext, DateWindow, IQueryable<T>> rows,
    Expression<Func<T, string>> divisionCode,
    LambdaExpression? value,
    bool dependsOnWindow) : DivisionAggregate
    where T : class
{
    public override bool DependsOnWindow => dependsOnWindow;

    public override AggregateColumn ForDivision(CivilAffairsDbContext db, DateWindow window, Expression outerCode)
    {
        var row = divisionCode.Parameters[0];
        var sameDivision = Expression.Lambda<Func<T, bool>>(Expression.Equal(divisionCode.Body, outerCode), row);
        var source = Expression.Call(QueryableMethods.Where.MakeGenericMethod(typeof(T)), rows(db, window).Expression, Expression.Quote(sameDivision));
        if (value is null)
        {
            return new(Expression.Convert(Expression.Call(QueryableMethods.CountWithoutPredicate.MakeGenericMethod(typeof(T)), source), typeof(long)), 1);
        }

        var selector = value;
        var divisor = 1m;
        if (value.ReturnType == typeof(decimal) && db.Database.IsSqlite() && ScaleOf(db, value) is { } scale)
        {
            // r => (long)Math.Round((double)value(r) * 10^scale): whole 分, summed by SQLite itself.
            divisor = Pow10(scale);
            selector = Expression.Lambda(
                Expression.Convert(
                    Expression.Call(typeof(Math).GetMethod(nameof(Math.Round), [typeof(double)])!,
                        Expression.Multiply(Expression.Convert(value.Body, typeof(double)), Expression.Constant((double)divisor))),
                    typeof(long)),
                value.Parameters);
        }

        var sum = Expression.Call(
            QueryableMethods.GetSumWithSelector(selector.ReturnType).MakeGenericMethod(typeof(T)), source, Expression.Quote(selector));
        return selector.ReturnType == typeof(decimal) ? new(sum, 1) : new(Expression.Convert(sum, typeof(long)), divisor);
    }

    public override IQueryable<DivisionValue> GroupedQuery(CivilAffairsDbContext db, DateWindow window)
    {
        var grouped = rows(db, window).GroupBy(divisionCode);
        var group = Expression.Parameter(typeof(IGrouping<string, T>), "g");
        Expression aggregate = value is null
            ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(T)], group)
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(T)], group, value);
        var body = Expression.New(
            typeof(DivisionValue).GetConstructor([typeof(string), typeof(decimal)])!,
            Expression.Property(group, nameof(IGrouping<string, T>.Key)),
            Expression.Convert(aggregate, typeof(decimal)));
        return grouped.Select(Expression.Lambda<Func<IGrouping<string, T>, DivisionValue>>(body, group));
    }

    /// <summary>The configured scale of a decimal property read directly (r => r.Amount); null for anything else.</summary>
    private static int? ScaleOf(CivilAffairsDbContext db, LambdaExpression selector) =>
        selector.Body is MemberExpression { Member.Name: var name } member && member.Expression == selector.Parameters[0]
            && db.Model.FindEntityType(typeof(T))?.FindProperty(name)?.GetScale() is { } scale && scale is >= 0 and <= 6
            ? scale
            : null;

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
        {
            result *= 10;
        }

        return result;
    }
}
