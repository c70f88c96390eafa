using System.Reflection;
using System.Runtime.CompilerServices;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.Reporting;

/// <summary>
/// Every date stored in the model either places its record under the month lock (through
/// <see cref="IPeriodDated"/>) or is named below with the reason it feeds no submitted figure. A new
/// dated register cannot slip past the lock unnoticed: this test fails until someone decides.
/// </summary>
public sealed class MonthLockCoverageTests
{
    /// <summary>Dates that feed no figure of the monthly report, or whose figure is a stored record locked by its own date.</summary>
    private static readonly Dictionary<string, string> NotLocked = new()
    {
        ["ReportSubmission.Period"] = "the submission itself",
        ["Person.BirthDate"] = "follows from the ID number; persons are a register without a month (ages are taken at each period's end)",
        ["AllowanceMonthlyTotal.Period"] = "derived from the payments in the same transaction; the payments are locked by their month",
        ["AssistanceMonthlyTotal.Period"] = "derived from the payments in the same transaction; the payments are locked by their month",
        ["WelfareMonthlyTotal.Period"] = "derived from the payments in the same transaction; the payments are locked by their month",
        ["HighAgeAllowancePayment.SettledOn"] = "the payment is locked by its month (Period) as a whole; no figure counts by settlement day",
        ["AssistancePayment.SettledOn"] = "the payment is locked by its month (Period) as a whole; no figure counts by settlement day",
        ["CareSubsidyPayment.SettledOn"] = "the payment is locked by its month (Period) as a whole; no figure counts by settlement day",
        ["WelfarePayment.SettledOn"] = "the payment is locked by its month (Period) as a whole; no figure counts by settlement day",
        ["ZeroReport.FiledOn"] = "the zero report is locked by the month it reports (Period) as a whole",
        ["OrganizationRating.ValidUntil"] = "the rating is locked as a whole by the day it was rated (RatedOn)",
        ["DibaoCase.AppliedOn"] = "set by a step of the case, which is a CaseTransition locked by its own day",
        ["DibaoCase.ConfirmedOn"] = "set by a step of the case, which is a CaseTransition locked by its own day",
        ["DibaoCase.CountyReviewedOn"] = "set by a step of the case, which is a CaseTransition locked by its own day",
        ["DibaoCase.DecidedOn"] = "set by a step of the case, which is a CaseTransition locked by its own day",
        ["DibaoCase.ExitedOn"] = "set by a step of the case, which is a CaseTransition locked by its own day",
        ["DibaoCase.NoticeFrom"] = "set by a step of the case, which is a CaseTransition locked by its own day",
        ["DibaoCase.NoticeUntil"] = "set by a step of the case, which is a CaseTransition locked by its own day",
        ["DibaoCase.DueOn"] = "a deadline computed when a step is entered (a CaseTransition, locked by its day)",
        ["DibaoCase.ProcessDueOn"] = "a deadline computed when the case is applied for (a CaseTransition, locked by its day)",
    };

    // Integer columns that hold a month as a yyyymm key.
    private static readonly HashSet<string> MonthKeys = ["Period", "EffectiveFrom", "Before"];

    [Fact]
    public async Task EveryStoredDateIsUnderTheMonthLockOrNamedWithAReason()
    {
        await using var db = await TestDatabase.CreateAsync(TestClock.Create());
        await using var ctx = db.CreateDbContext(UserContext.System);
        var uncovered = new List<string>();
        foreach (var type in ctx.Model.GetEntityTypes().Where(t => typeof(IDivisionScoped).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            var dates = type.GetProperties()
                .Where(p => p.PropertyInfo is not null && ((Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(DateOnly) || (p.ClrType == typeof(int) && MonthKeys.Contains(p.Name))))
                .Select(p => p.PropertyInfo!)
                .ToList();
            var covered = typeof(IPeriodDated).IsAssignableFrom(type.ClrType) ? Covered(type.ClrType, dates) : [];
            uncovered.AddRange(dates.Where(d => !covered.Contains(d.Name) && !NotLocked.ContainsKey($"{type.ClrType.Name}.{d.Name}")).Select(d => $"{type.ClrType.Name}.{d.Name}"));
        }

        Assert.True(uncovered.Count == 0, "Dates neither under the month lock nor named with a reason: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void TheReasonsNameOnlyDatesThatExist()
    {
        foreach (var key in NotLocked.Keys)
        {
            var (typeName, property) = (key[..key.IndexOf('.', StringComparison.Ordinal)], key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            var type = typeof(IPeriodDated).Assembly.GetTypes().Single(t => t.Name == typeName && typeof(IDivisionScoped).IsAssignableFrom(t));
            Assert.NotNull(type.GetProperty(property));
        }
    }

    // Gives each date a distinct sentinel and sees which of them the record reports (its dates or the dates its figures count from).
    private static HashSet<string> Covered(Type type, IReadOnlyList<PropertyInfo> dates)
    {
        var record = RuntimeHelpers.GetUninitializedObject(type);
        var sentinels = new Dictionary<DateOnly, string>();
        for (var i = 0; i < dates.Count; i++)
        {
            var day = new DateOnly(2001 + i, 1 + i, 1);
            sentinels[day] = dates[i].Name;
            var setter = dates[i].GetSetMethod(nonPublic: true) ?? throw new InvalidOperationException($"{type.Name}.{dates[i].Name} has no setter");
            setter.Invoke(record, [dates[i].PropertyType == typeof(int) ? Period.Of(day).Key : day]);
        }

        var dated = (IPeriodDated)record;
        var covered = dated.ReportingDates.OfType<DateOnly>().Where(sentinels.ContainsKey).Select(d => sentinels[d]).ToHashSet();
        covered.UnionWith(dated.FigureDates?.Values ?? []);
        return covered;
    }
}
