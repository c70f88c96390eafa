using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivilAffairs.Core.Reporting;

/// <summary>
/// Refuses inserts, updates and deletes of records dated in a month that has been submitted for
/// their division (or for a division containing it). Checked on every save, with the record's old
/// and new dates, whatever page or service issued the write.
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

        var periods = touched.Select(t => t.Period).Distinct().ToList();

        // Standalone query: a county clerk is bound by the prefecture's submission, which lies outside the clerk's scope.
        var locks = db.ReportSubmissions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.State == SubmissionState.Submitted && periods.Contains(s.Period))
            .Select(s => new { s.DivisionCode, s.Period })
            .ToList();
        foreach (var (division, period) in touched)
        {
            var locked = locks.FirstOrDefault(l => l.Period == period && DivisionScope.For(l.DivisionCode).Contains(division));
            if (locked is not null)
            {
                throw new DomainException(
                    $"{Period.FromKey(period).ChineseName}的统计报表已由{DivisionCatalog.NameOf(locked.DivisionCode)}报送，该月数据已锁定，不能新增、修改或删除。如需更正，请联系系统管理员退回该月报表。");
            }
        }
    }
}
