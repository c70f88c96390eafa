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
        void Touch(string division, DateOnly? day)
        {
            if (day is { } d)
            {
                touched.Add((division, Period.Of(d).Key));
            }
        }

        foreach (var entry in entries)
        {
            if (entry.Entity is not IPeriodDated dated || entry.Entity is not IDivisionScoped scoped)
            {
                continue;
            }

            var original = entry.State is EntityState.Modified or EntityState.Deleted ? entry.OriginalValues.ToObject() : null;
            var originalDivision = ((IDivisionScoped?)original)?.DivisionCode ?? scoped.DivisionCode;
            if (entry.State == EntityState.Modified && dated.FigureDates is { } figureDates)
            {
                // A register entry: only changes that move a figure count, from the date they take effect.
                foreach (var property in entry.Properties.Where(p => p.IsModified && figureDates.ContainsKey(p.Metadata.Name)))
                {
                    var effective = entry.Property(figureDates[property.Metadata.Name]);
                    Touch(scoped.DivisionCode, AsDate(effective.CurrentValue));
                    Touch(originalDivision, AsDate(effective.OriginalValue));
                }

                continue;
            }

            if (entry.State != EntityState.Deleted)
            {
                foreach (var day in dated.ReportingDates)
                {
                    Touch(scoped.DivisionCode, day);
                }
            }

            if (original is IPeriodDated before)
            {
                foreach (var day in before.ReportingDates)
                {
                    Touch(originalDivision, day);
                }
            }
        }

        if (touched.Count == 0)
        {
            return;
        }

        var earliest = touched.Min(t => t.Period);
        ReportLock.Shared(db);

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

    // Date properties are DateOnly; monthly figures keep their month as a yyyymm key.
    private static DateOnly? AsDate(object? value) => value switch
    {
        DateOnly day => day,
        int key when key > 0 => Period.FromKey(key).Start,
        _ => null,
    };
}

/// <summary>
/// Serialises submissions with saves of dated records on SQL Server, where the two transactions do
/// not block each other by themselves: a save takes an application lock in shared mode (saves run
/// side by side), a submission takes it exclusively, each until its transaction ends. SQLite needs
/// nothing: every write transaction there begins with the database's write lock (BEGIN IMMEDIATE).
/// </summary>
internal static class ReportLock
{
    private const string Resource = "CivilAffairs.ReportSubmission";

    public static void Shared(CivilAffairsDbContext db)
    {
        if (db.Database.IsSqlServer() && db.Database.CurrentTransaction is not null)
        {
            db.Database.ExecuteSqlRaw(Sql("Shared"));
        }
    }

    public static async Task ExclusiveAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlServer() && db.Database.CurrentTransaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync(Sql("Exclusive"), cancellationToken);
        }
    }

    // A negative return value (timeout, deadlock victim) is turned into an error by RAISERROR, so the save or submission fails cleanly.
    private static string Sql(string mode) => $"""
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = N'{Resource}', @LockMode = '{mode}', @LockOwner = 'Transaction', @LockTimeout = 30000;
        IF @result < 0 RAISERROR(N'统计报表正在报送，请稍后重试。', 16, 1);
        """;
}
