using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CivilAffairs.Core.Indicators;

/// <summary>A value per division code, as returned by one grouped SQL query.</summary>
public sealed record DivisionValue(string DivisionCode, decimal Value);

/// <summary>One distinct thing counted (e.g. a donor) and a division it appears in.</summary>
public sealed record DivisionKey(string DivisionCode, string Key);

/// <summary>The dates a measure counts: flows use both ends; stocks only the end.</summary>
public readonly record struct DateWindow(DateOnly? From, DateOnly To);

/// <summary>
/// A base quantity counted in the database per division code. Indicators combine measures; the
/// engine rolls the per-division values up to counties and the prefecture. A measure is either
/// <list type="bullet">
/// <item>a <b>per-division count or sum</b> of some rows (<see cref="Count{T}(string, Func{CivilAffairsDbContext, DateWindow, IQueryable{T}})"/>,
/// <see cref="Sum{T}(string, Func{CivilAffairsDbContext, DateWindow, IQueryable{T}}, Expression{Func{T, int}})"/> …):
/// the engine computes all such measures of a computation, for every window it needs, in one SQL
/// statement (a row per division, a scalar subquery per measure and window part, each an index seek
/// on the division code; see <see cref="DivisionAggregateBatch"/>); or</item>
/// <item>any <b>grouped query</b> returning at most a few rows per division (the constructor), run on its own
/// for each window.</item>
/// </list>
/// Either way the rows are read under the current user's scope (the context's query filter).
/// </summary>
public sealed class Measure
{
    private readonly Func<CivilAffairsDbContext, DateWindow, IQueryable<DivisionValue>>? _query;
    private readonly Func<CivilAffairsDbContext, DateWindow, IQueryable<DivisionKey>>? _keys;

    /// <summary>A measure computed by its own grouped query (GROUP BY division code), once per window.</summary>
    public Measure(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<DivisionValue>> query)
    {
        Key = key;
        _query = query;
    }

    private Measure(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<DivisionKey>> keys)
    {
        Key = key;
        _keys = keys;
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

    /// <summary>
    /// A count of distinct keys: not additive, so the engine rolls it up by counting the keys of all
    /// divisions below a division once (a donor giving in two counties is one donor of the prefecture).
    /// </summary>
    public bool IsDistinct => _keys is not null;

    /// <summary>The measure as one grouped query (one row per division code that has rows).</summary>
    public IQueryable<DivisionValue> Query(CivilAffairsDbContext db, DateWindow window) =>
        _query is not null ? _query(db, window)
        : _keys is not null ? _keys(db, window).Distinct().GroupBy(k => k.DivisionCode).Select(g => new DivisionValue(g.Key, g.Count()))
        : Aggregate!.GroupedQuery(db, window);

    /// <summary>
    /// The records this measure counts or sums in <paramref name="window"/> for the divisions under
    /// <paramref name="prefix"/>, with what each contributes: the same rows and predicate as the value,
    /// so the list behind a figure holds exactly what it counts. (A distinct count lists its
    /// <see cref="Keys"/> instead.)
    /// </summary>
    public IQueryable<IndicatorRecord> Records(CivilAffairsDbContext db, DateWindow window, string prefix, bool exact = false) =>
        Aggregate?.Records(db, window, prefix, exact) ?? throw new InvalidOperationException($"{Key} has no records.");

    /// <summary>The distinct (division, key) pairs of a <see cref="IsDistinct"/> measure.</summary>
    public IQueryable<DivisionKey> Keys(CivilAffairsDbContext db, DateWindow window) =>
        _keys is not null ? _keys(db, window).Distinct() : throw new InvalidOperationException($"{Key} is not a distinct count.");

    public override string ToString() => Key;

    /// <summary>The number of <paramref name="rows"/> per division code; the rows may depend on the window in any way.</summary>
    public static Measure Count<T>(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<T>> rows)
        where T : class, IDivisionScoped =>
        new(key, new DivisionAggregate<T>(rows, DivisionCodeOf<T>(), null));

    /// <summary>The number of <paramref name="rows"/> per <paramref name="divisionCode"/> (rows that are not division-scoped records, e.g. divisions).</summary>
    public static Measure Count<T>(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<T>> rows, Expression<Func<T, string>> divisionCode)
        where T : class =>
        new(key, new DivisionAggregate<T>(rows, divisionCode, null));

    /// <summary>The sum of <paramref name="value"/> over <paramref name="rows"/> per division code.</summary>
    public static Measure Sum<T>(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<T>> rows, Expression<Func<T, int>> value)
        where T : class, IDivisionScoped =>
        new(key, new DivisionAggregate<T>(rows, DivisionCodeOf<T>(), value));

    /// <summary>The sum of <paramref name="value"/> over <paramref name="rows"/> per division code (see <see cref="MeasureRows{T}.Sum(string, Expression{Func{T, decimal}})"/> on SQLite).</summary>
    public static Measure Sum<T>(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<T>> rows, Expression<Func<T, decimal>> value)
        where T : class, IDivisionScoped =>
        new(key, new DivisionAggregate<T>(rows, DivisionCodeOf<T>(), value));

    /// <summary>
    /// Rows to count or sum per division code, independent of the window unless a window column is
    /// named (<see cref="MeasureRows{T}.WindowOn(Expression{Func{T, DateOnly}}, bool)"/> …). Prefer this to a
    /// window-dependent query when the window only bounds one column: the engine then reads the rows
    /// the windows of a computation share once (this month's year to date and last month's are last
    /// month's plus this month).
    /// </summary>
    public static MeasureRows<T> Rows<T>(Func<CivilAffairsDbContext, IQueryable<T>> rows)
        where T : class, IDivisionScoped =>
        new(rows, DivisionCodeOf<T>(), null);

    /// <summary>Rows that are not division-scoped records (e.g. divisions), per <paramref name="divisionCode"/>.</summary>
    public static MeasureRows<T> Rows<T>(Func<CivilAffairsDbContext, IQueryable<T>> rows, Expression<Func<T, string>> divisionCode)
        where T : class =>
        new(rows, divisionCode, null);

    /// <summary>The number of distinct <see cref="DivisionKey.Key"/>s, per division and rolled up without double counting.</summary>
    public static Measure DistinctCount(string key, Func<CivilAffairsDbContext, DateWindow, IQueryable<DivisionKey>> keys) => new(key, keys);

    internal static Measure From(string key, DivisionAggregate aggregate) => new(key, aggregate);

    private static Expression<Func<T, string>> DivisionCodeOf<T>()
        where T : class, IDivisionScoped
    {
        var row = Expression.Parameter(typeof(T), "r");
        return Expression.Lambda<Func<T, string>>(Expression.Property(row, nameof(IDivisionScoped.DivisionCode)), row);
    }
}

/// <summary>Rows of a measure and the column a window bounds; ends with <see cref="Count"/> or <see cref="Sum(string, Expression{Func{T, int}})"/>.</summary>
public sealed class MeasureRows<T>
    where T : class
{
    private readonly Func<CivilAffairsDbContext, IQueryable<T>> _rows;
    private readonly Expression<Func<T, string>> _divisionCode;
    private readonly WindowColumn<T>? _window;

    internal MeasureRows(Func<CivilAffairsDbContext, IQueryable<T>> rows, Expression<Func<T, string>> divisionCode, WindowColumn<T>? window)
    {
        _rows = rows;
        _divisionCode = divisionCode;
        _window = window;
    }

    /// <summary>
    /// A window selects the rows dated within it (From ≤ date ≤ To; no lower bound when From is null).
    /// With <paramref name="upToEnd"/> the window's start is ignored: rows dated up to its end (a stock, a running total).
    /// </summary>
    public MeasureRows<T> WindowOn(Expression<Func<T, DateOnly>> date, bool upToEnd = false) =>
        new(_rows, _divisionCode, new WindowColumn<T, DateOnly>(date, nullable: false, nullIsEarliest: false, w => (upToEnd ? null : w.From, w.To), NextDay));

    /// <summary>
    /// As <see cref="WindowOn(Expression{Func{T, DateOnly}}, bool)"/> for an optional date: rows without one are
    /// never selected, or with <paramref name="undatedIsEarliest"/> they count as dated before any window
    /// (selected by windows without a start, e.g. facilities in service since before records began).
    /// </summary>
    public MeasureRows<T> WindowOn(Expression<Func<T, DateOnly?>> date, bool undatedIsEarliest = false, bool upToEnd = false) =>
        new(_rows, _divisionCode, new WindowColumn<T, DateOnly>(date, nullable: true, undatedIsEarliest, w => (upToEnd ? null : w.From, w.To), NextDay));

    /// <summary>A window selects the rows whose month (yyyymm, e.g. 202610) lies within the window's months.</summary>
    public MeasureRows<T> WindowOnMonth(Expression<Func<T, int>> yyyymm, bool upToEnd = false) =>
        new(_rows, _divisionCode, new WindowColumn<T, int>(yyyymm, nullable: false, nullIsEarliest: false,
            w => (w.From is { } from && !upToEnd ? Period.Of(from).Key : null, Period.Of(w.To).Key), NextMonth));

    /// <summary>A window selects the rows whose year lies within the window's years; rows without a year never.</summary>
    public MeasureRows<T> WindowOnYear(Expression<Func<T, int?>> year, bool upToEnd = false) =>
        new(_rows, _divisionCode, new WindowColumn<T, int>(year, nullable: true, nullIsEarliest: false, w => (upToEnd ? null : w.From?.Year, w.To.Year), y => y + 1));

    private static DateOnly NextDay(DateOnly day) => day.AddDays(1);

    private static int NextMonth(int yyyymm) => Period.FromKey(yyyymm).AddMonths(1).Key;

    /// <summary>The number of rows per division code.</summary>
    public Measure Count(string key) => Measure.From(key, new DivisionAggregate<T>(_rows, _window, _divisionCode, null));

    /// <summary>The sum of <paramref name="value"/> per division code.</summary>
    public Measure Sum(string key, Expression<Func<T, int>> value) => Measure.From(key, new DivisionAggregate<T>(_rows, _window, _divisionCode, value));

    /// <summary>
    /// The sum of <paramref name="value"/> per division code. On SQLite, where decimals are TEXT and EF
    /// sums them with a managed aggregate called per row, a mapped decimal property with a configured
    /// scale is summed natively as whole units of that scale (分 for money): exactly the same total for
    /// values with at most that many decimals (SQLite does not enforce the scale; a value with more is
    /// rounded to it) and below 2^53 units (9 × 10^13 元).
    /// </summary>
    public Measure Sum(string key, Expression<Func<T, decimal>> value) => Measure.From(key, new DivisionAggregate<T>(_rows, _window, _divisionCode, value));
}

/// <summary>One column of a batched statement: a scalar expression per division (long or decimal) and what a long counts in.</summary>
/// <param name="Value">Of type <see cref="long"/> or <see cref="decimal"/>.</param>
/// <param name="Divisor">A long value is divided by this (10^scale for decimals summed as whole units).</param>
internal readonly record struct AggregateColumn(Expression Value, decimal Divisor);

/// <summary>
/// What a computation reads for one aggregate measure: parts (each a per-division column) and, for
/// each window asked for, the parts that add up to it.
/// </summary>
internal sealed record AggregatePlan(IReadOnlyList<Func<CivilAffairsDbContext, Expression, AggregateColumn>> Parts, IReadOnlyList<int[]> PartsOfWindow);

/// <summary>A count or sum of rows per division code, composable into a query over divisions.</summary>
internal abstract class DivisionAggregate
{
    public abstract bool DependsOnWindow { get; }

    /// <summary>The parts to read for <paramref name="windows"/> (distinct) and which parts make up each window.</summary>
    public abstract AggregatePlan Plan(IReadOnlyList<DateWindow> windows);

    /// <summary>The same measure as one GROUP BY query.</summary>
    public abstract IQueryable<DivisionValue> GroupedQuery(CivilAffairsDbContext db, DateWindow window);

    /// <summary>The rows behind the value, one <see cref="IndicatorRecord"/> each (see <see cref="Measure.Records"/>).</summary>
    public abstract IQueryable<IndicatorRecord> Records(CivilAffairsDbContext db, DateWindow window, string prefix, bool exact);
}

internal sealed class DivisionAggregate<T> : DivisionAggregate
    where T : class
{
    private readonly Func<CivilAffairsDbContext, DateWindow, IQueryable<T>>? _windowed;
    private readonly Func<CivilAffairsDbContext, IQueryable<T>>? _rows;
    private readonly WindowColumn<T>? _window;
    private readonly Expression<Func<T, string>> _divisionCode;
    private readonly LambdaExpression? _value;

    /// <summary>Rows that depend on the window in any way: one part per window.</summary>
    public DivisionAggregate(Func<CivilAffairsDbContext, DateWindow, IQueryable<T>> rows, Expression<Func<T, string>> divisionCode, LambdaExpression? value)
    {
        _windowed = rows;
        _divisionCode = divisionCode;
        _value = value;
    }

    /// <summary>Rows independent of the window (one part), or bounded by one column (the windows split into disjoint parts).</summary>
    public DivisionAggregate(Func<CivilAffairsDbContext, IQueryable<T>> rows, WindowColumn<T>? window, Expression<Func<T, string>> divisionCode, LambdaExpression? value)
    {
        _rows = rows;
        _window = window;
        _divisionCode = divisionCode;
        _value = value;
    }

    public override bool DependsOnWindow => _rows is null || _window is not null;

    public override AggregatePlan Plan(IReadOnlyList<DateWindow> windows)
    {
        if (_windowed is { } windowed)
        {
            return new(
                [.. windows.Select(w => (Func<CivilAffairsDbContext, Expression, AggregateColumn>)((db, code) => Column(db, windowed(db, w), code)))],
                [.. windows.Select((_, i) => new[] { i })]);
        }

        var rows = _rows!;
        if (_window is null)
        {
            return new([(db, code) => Column(db, rows(db), code)], [.. windows.Select(_ => new[] { 0 })]);
        }

        var (parts, partsOfWindow) = _window.Split(windows);
        return new(
            [.. parts.Select(part => (Func<CivilAffairsDbContext, Expression, AggregateColumn>)((db, code) => Column(db, rows(db).Where(part), code)))],
            partsOfWindow);
    }

    private IQueryable<T> RowsOf(CivilAffairsDbContext db, DateWindow window) =>
        _windowed is not null ? _windowed(db, window) : _window is null ? _rows!(db) : _rows!(db).Where(_window.Within(window));

    public override IQueryable<IndicatorRecord> Records(CivilAffairsDbContext db, DateWindow window, string prefix, bool exact)
    {
        var row = _divisionCode.Parameters[0];
        var code = _divisionCode.Body;
        var within = Expression.Lambda<Func<T, bool>>(
            exact ? Expression.Equal(code, Expression.Constant(prefix)) : Expression.Call(code, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, Expression.Constant(prefix)), row);
        var id = typeof(T).GetProperty(nameof(Common.Entity.Id)) is { PropertyType: var t } idProperty && t == typeof(int)
            ? (Expression)Expression.Convert(Expression.Property(row, idProperty), typeof(int?))
            : Expression.Constant(null, typeof(int?));
        var title = RecordTitle.Of(typeof(T)) is { } titleProperty ? (Expression)Expression.Property(row, titleProperty) : Expression.Constant(null, typeof(string));
        var value = _value is null
            ? (Expression)Expression.Constant(1m)
            : Expression.Convert(new ParameterReplacer(_value.Parameters[0], row).Visit(_value.Body), typeof(decimal));
        var body = Expression.New(
            typeof(IndicatorRecord).GetConstructor([typeof(string), typeof(int?), typeof(string), typeof(string), typeof(decimal)])!,
            Expression.Constant(typeof(T).Name), id, code, title, value);
        var ordered = RowsOf(db, window).Where(within).OrderBy(_divisionCode);
        if (id is not ConstantExpression)
        {
            ordered = ordered.ThenBy(Expression.Lambda<Func<T, int?>>(id, row));
        }

        return ordered.Select(Expression.Lambda<Func<T, IndicatorRecord>>(body, row));
    }

    public override IQueryable<DivisionValue> GroupedQuery(CivilAffairsDbContext db, DateWindow window)
    {
        var rows = RowsOf(db, window);
        var group = Expression.Parameter(typeof(IGrouping<string, T>), "g");
        Expression aggregate = _value is null
            ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(T)], group)
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(T)], group, _value);
        var body = Expression.New(
            typeof(DivisionValue).GetConstructor([typeof(string), typeof(decimal)])!,
            Expression.Property(group, nameof(IGrouping<string, T>.Key)),
            Expression.Convert(aggregate, typeof(decimal)));
        return rows.GroupBy(_divisionCode).Select(Expression.Lambda<Func<IGrouping<string, T>, DivisionValue>>(body, group));
    }

    /// <summary>COUNT or SUM of <paramref name="rows"/> whose division code equals <paramref name="outerCode"/>: a scalar subquery.</summary>
    private AggregateColumn Column(CivilAffairsDbContext db, IQueryable<T> rows, Expression outerCode)
    {
        var row = _divisionCode.Parameters[0];
        var sameDivision = Expression.Lambda<Func<T, bool>>(Expression.Equal(_divisionCode.Body, outerCode), row);
        var source = Expression.Call(QueryableMethods.Where.MakeGenericMethod(typeof(T)), rows.Expression, Expression.Quote(sameDivision));
        if (_value is null)
        {
            return new(Expression.Convert(Expression.Call(QueryableMethods.CountWithoutPredicate.MakeGenericMethod(typeof(T)), source), typeof(long)), 1);
        }

        var selector = _value;
        var divisor = 1m;
        if (_value.ReturnType == typeof(decimal) && db.Database.IsSqlite() && ScaleOf(db, _value) is { } scale)
        {
            // r => (long)Math.Round((double)value(r) * 10^scale): whole 分, summed by SQLite itself.
            divisor = Pow10(scale);
            selector = Expression.Lambda(
                Expression.Convert(
                    Expression.Call(typeof(Math).GetMethod(nameof(Math.Round), [typeof(double)])!,
                        Expression.Multiply(Expression.Convert(_value.Body, typeof(double)), Expression.Constant((double)divisor))),
                    typeof(long)),
                _value.Parameters);
        }

        var sum = Expression.Call(
            QueryableMethods.GetSumWithSelector(selector.ReturnType).MakeGenericMethod(typeof(T)), source, Expression.Quote(selector));
        return selector.ReturnType == typeof(decimal) ? new(sum, 1) : new(Expression.Convert(sum, typeof(long)), divisor);
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

/// <summary>Replaces one parameter of a lambda body by another expression.</summary>
internal sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}
