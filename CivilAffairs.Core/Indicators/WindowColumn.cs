using System.Linq.Expressions;

namespace CivilAffairs.Core.Indicators;

/// <summary>
/// The column a measure's windows bound (a date, a month, a year). Windows of one computation are
/// split at their ends into disjoint parts, so rows several windows share are read once: this
/// month's year to date is last month's year to date plus this month; a twelve-month series of a
/// cumulative figure is twelve monthly parts and what came before.
/// </summary>
internal abstract class WindowColumn<T>
    where T : class
{
    /// <summary>Disjoint row predicates and, for each window, the predicates whose rows add up to it.</summary>
    public abstract (IReadOnlyList<Expression<Func<T, bool>>> Parts, IReadOnlyList<int[]> PartsOfWindow) Split(IReadOnlyList<DateWindow> windows);

    /// <summary>The rows of one window.</summary>
    public abstract Expression<Func<T, bool>> Within(DateWindow window);
}

/// <param name="column">T → TKey, or T → TKey? when <paramref name="nullable"/>.</param>
/// <param name="nullIsEarliest">Rows without a value count as before every value (else: in no window).</param>
/// <param name="range">The window's inclusive bounds on the column (no lower bound when From is null).</param>
/// <param name="next">The value after a value (the next day, month or year): windows become half-open [From, next(To)).</param>
internal sealed class WindowColumn<T, TKey>(
    LambdaExpression column, bool nullable, bool nullIsEarliest, Func<DateWindow, (TKey? From, TKey To)> range, Func<TKey, TKey> next)
    : WindowColumn<T>
    where T : class
    where TKey : struct, IComparable<TKey>
{
    public override (IReadOnlyList<Expression<Func<T, bool>>> Parts, IReadOnlyList<int[]> PartsOfWindow) Split(IReadOnlyList<DateWindow> windows)
    {
        // Every window is [From, End) with End = next(To); segment i is [boundary i - 1, boundary i),
        // the first one without a lower bound when some window has none.
        var bounds = windows.Select(range).Select(b => (b.From, End: next(b.To))).ToList();
        var boundaries = bounds.SelectMany(b => b.From is { } from ? [from, b.End] : new[] { b.End }).Distinct().Order().ToList();
        var segments = new List<(TKey? From, TKey End)>();
        if (bounds.Any(b => b.From is null))
        {
            segments.Add((null, boundaries[0]));
        }

        for (var i = 1; i < boundaries.Count; i++)
        {
            segments.Add((boundaries[i - 1], boundaries[i]));
        }

        var ofWindow = bounds.Select(b =>
        {
            var first = b.From is { } from ? segments.FindIndex(s => s.From is { } f && f.CompareTo(from) == 0) : 0;
            var last = segments.FindIndex(s => s.End.CompareTo(b.End) == 0);
            return Enumerable.Range(first, last - first + 1).ToArray();
        }).ToList();

        // Only the segments some window covers (none between two windows that do not meet).
        var used = ofWindow.SelectMany(s => s).Distinct().Order().ToList();
        var index = used.Select((segment, i) => (segment, i)).ToDictionary(x => x.segment, x => x.i);
        return (
            [.. used.Select(i => Predicate(segments[i].From, segments[i].End))],
            [.. ofWindow.Select(s => s.Select(i => index[i]).ToArray())]);
    }

    public override Expression<Func<T, bool>> Within(DateWindow window)
    {
        var (from, to) = range(window);
        return Predicate(from, next(to));
    }

    private Expression<Func<T, bool>> Predicate(TKey? from, TKey end)
    {
        var value = column.Body;
        Expression condition = Expression.LessThan(value, Bound(end));
        if (from is { } f)
        {
            condition = Expression.AndAlso(Expression.GreaterThanOrEqual(value, Bound(f)), condition);
        }
        else if (nullable && nullIsEarliest)
        {
            condition = Expression.OrElse(Expression.Equal(value, Expression.Constant(null, value.Type)), condition);
        }

        return Expression.Lambda<Func<T, bool>>(condition, column.Parameters);
    }

    /// <summary>A bound read from an object, as a closure would be: EF sends it as a parameter (one cached query for every month).</summary>
    private Expression Bound(TKey value)
    {
        Expression bound = Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value));
        return nullable ? Expression.Convert(bound, typeof(TKey?)) : bound;
    }

    private sealed class Box(TKey value)
    {
        public TKey Value { get; } = value;
    }
}
