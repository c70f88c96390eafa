using System.Reflection;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Indicators;

/// <summary>
/// One record behind a figure: its kind (the entity type's name), id, division, a title when the
/// record has a name, and what it adds to the measure (1 for a count, the summed value otherwise).
/// </summary>
public sealed record IndicatorRecord(string Kind, int? Id, string DivisionCode, string? Title, decimal Value)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

/// <summary>
/// The records behind one side (numerator or denominator) of an indicator for a division and month:
/// a page of them, how many there are, and the opening balance a cumulative figure adds on top.
/// </summary>
public sealed record IndicatorRecordPage(IReadOnlyList<IndicatorRecord> Items, int Total, decimal OpeningBalance, bool Distinct);

/// <summary>The name-like column shown for a record in the list behind a figure (no navigation: a linked record out of scope must not drop the row).</summary>
internal static class RecordTitle
{
    private static readonly string[] Candidates = ["Name", "DonorName", "ProjectName", "Title", "FacilityName", "ProgramName", "Description"];

    public static PropertyInfo? Of(Type type) =>
        Candidates.Select(c => type.GetProperty(c)).FirstOrDefault(p => p is { PropertyType: var t, CanRead: true } && t == typeof(string) && p.GetCustomAttribute<System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute>() is null);
}

/// <summary>
/// Lists the records an indicator counts, from the measure itself (<see cref="Measure.Records"/>): the
/// same rows, window, division prefix and scope as <see cref="IndicatorEngine"/>, so a figure and its
/// list can never disagree.
/// </summary>
public sealed class IndicatorRecordService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser)
{
    public async Task<IndicatorRecordPage> PageAsync(
        IndicatorDefinition definition, Period period, string divisionCode, bool denominator, PageRequest page, CancellationToken cancellationToken = default, bool exact = false)
    {
        var division = DivisionCatalog.Find(divisionCode) ?? throw new DomainException("行政区划不存在。");
        if (!currentUser.User.Scope.Contains(division.Code))
        {
            throw new AccessDeniedException($"{division.Name}不在您的管辖范围（{currentUser.User.Scope.Name}）内。");
        }

        var measure = denominator ? definition.Denominator ?? throw new DomainException("该指标没有分母。") : definition.Numerator;
        // A 州直/县直 row (exact) holds that division's own records only; otherwise everything below it.
        var prefix = exact ? division.Code : DivisionScope.For(division.Code).Prefix;
        await using var db = factory.CreateDbContext();
        var window = IndicatorEngine.WindowOf(definition, period);
        int total;
        List<IndicatorRecord> items;
        if (measure.IsDistinct)
        {
            // Distinct keys (e.g. donors of a year) are few: read them, then keep the division's.
            var keys = (await measure.Keys(db, window).ToListAsync(cancellationToken))
                .Where(k => exact ? k.DivisionCode == prefix : k.DivisionCode.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(k => k.DivisionCode, StringComparer.Ordinal).ThenBy(k => k.Key, StringComparer.Ordinal)
                .Select(k => new IndicatorRecord("Key", null, k.DivisionCode, k.Key, 1m)).ToList();
            (total, items) = (keys.Count, [.. keys.Skip(page.Skip).Take(page.Size)]);
        }
        else
        {
            var records = measure.Records(db, window, prefix, exact);
            total = await records.CountAsync(cancellationToken);
            items = await records.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        }

        var balance = 0m;
        if (definition.Kind == IndicatorKind.Cumulative && !denominator)
        {
            var key = period.Key;
            var balances = await db.OpeningBalances.AsNoTracking()
                .Where(b => b.IndicatorCode == definition.Code && b.Before <= key && (exact ? b.DivisionCode == prefix : b.DivisionCode.StartsWith(prefix)))
                .Select(b => b.Value).ToListAsync(cancellationToken);
            balance = balances.Sum();
        }

        return new IndicatorRecordPage(items, total, balance, measure.IsDistinct);
    }

    /// <summary>Every record (for the export and for checks): same as <see cref="PageAsync"/> without paging.</summary>
    public async Task<IReadOnlyList<IndicatorRecord>> AllAsync(IndicatorDefinition definition, Period period, string divisionCode, bool denominator, CancellationToken cancellationToken = default)
    {
        var first = await PageAsync(definition, period, divisionCode, denominator, new PageRequest(0, 1), cancellationToken);
        var all = new List<IndicatorRecord>(first.Total);
        for (var p = 0; all.Count < first.Total; p++)
        {
            var next = await PageAsync(definition, period, divisionCode, denominator, new PageRequest(p, PageRequest.MaxPageSize), cancellationToken);
            if (next.Items.Count == 0)
            {
                break;
            }

            all.AddRange(next.Items);
        }

        return all;
    }
}
