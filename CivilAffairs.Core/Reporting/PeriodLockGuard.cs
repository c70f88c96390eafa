using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivilAffairs.Core.Reporting;

/// <summary>
/// Refuses inserts, updates and deletes of records dated in a submitted month or before it, for the
/// submitted division and everything inside it: a submitted report's year-to-date, cumulative and
/// last-month columns depend on the earlier months too. Checked on every save, inside the save's
/// transaction, with the record's old and new dates, whatever page or service issued the write.
/// </summary>
internal static class PeriodLockGuard
{
    public static void Check(CivilAffairsDbContext db, IReadOnlyList<EntityEntry> entries)
    {
        var touched = new List<(string Division, int Period)>();
        foreach (var entry in entries)
        {
            if (entry.Entity is not IPeriodDated dated || entry.Entity is not IDivisionScoped scoped)
            {
                continue;
            }

            if (entry.State != EntityState.Deleted && dated.ReportingDate is { } now)
            {
                touched.Add((scoped.DivisionCode, Period.Of(now).Key));
            }

            if (entry.State is EntityState.Modified or EntityState.Deleted
                && entry.OriginalValues.ToObject() is IPeriodDated { ReportingDate: { } before } original)
            {
                touched.Add((((IDivisionScoped)original).DivisionCode, Period.Of(before).Key));
            }
        }

        if (touched.Count == 0)
        {
            return;
        }

        var earliest = touched.Min(t => t.Period);

        // Standalone query: a county clerk is bound by the prefecture's submission, which lies outside the clerk's scope.
        var locks = db.ReportSubmissions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.State == SubmissionState.Submitted && s.Period >= earliest)
            .Select(s => new { s.DivisionCode, s.Period })
            .ToList()
            .Select(l => (Scope: DivisionScope.For(l.DivisionCode), l.DivisionCode, l.Period))
            .ToList();
        foreach (var (division, period) in touched.Distinct())
        {
            var locked = locks.Where(l => l.Period >= period && l.Scope.Contains(division)).OrderBy(l => l.Period).FirstOrDefault();
            if (locked.DivisionCode is not null)
            {
                throw new DomainException(
                    $"{DivisionCatalog.NameOf(locked.DivisionCode)}{Period.FromKey(locked.Period).ChineseName}的统计报表已报送，{Period.FromKey(period).ChineseName}的数据已锁定（已报送月份及以前的数据不能新增、修改或删除）。如需更正，请联系系统管理员退回报表。");
            }
        }
    }
}
