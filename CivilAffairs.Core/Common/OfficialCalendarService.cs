using CivilAffairs.Core.Data;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Common;

/// <summary>A day of the official calendar as listed and edited.</summary>
public sealed record OfficialCalendarRow(int Id, Guid Version, DateOnly Date, OfficialDayKind Kind, string Name);

/// <summary>
/// The official calendar: everyone's services read a snapshot; only a 系统管理员 adds, changes or deletes days
/// (every write audited by the context).
/// </summary>
public sealed class OfficialCalendarService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser)
{
    /// <summary>The whole calendar as an immutable snapshot (a few dozen rows a year).</summary>
    public async Task<WorkingCalendar> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await SnapshotAsync(db, cancellationToken);
    }

    /// <summary>The snapshot read through an open context (inside a service's own operation).</summary>
    public static async Task<WorkingCalendar> SnapshotAsync(CivilAffairsDbContext db, CancellationToken cancellationToken = default)
    {
        var days = await db.OfficialCalendarDays.AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(cancellationToken);
        return new WorkingCalendar(days.Select(d => (d.Date, d.Kind)));
    }

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.OfficialCalendarDays.Select(d => d.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OfficialCalendarRow>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.OfficialCalendarDays.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date)
            .Select(d => new OfficialCalendarRow(d.Id, d.Version, d.Date, d.Kind, d.Name)).ToListAsync(cancellationToken);
    }

    public async Task<int> SaveAsync(OfficialCalendarRow row, CancellationToken cancellationToken = default)
    {
        RequireAdministrator();
        await using var db = factory.CreateDbContext();
        var day = row.Id == 0 ? new OfficialCalendarDay() : await db.OfficialCalendarDays.FirstOrDefaultAsync(d => d.Id == row.Id, cancellationToken)
            ?? throw new DomainException("该日期不存在，可能已被删除。");
        if (row.Id == 0)
        {
            db.OfficialCalendarDays.Add(day);
        }
        else
        {
            db.Entry(day).Property(d => d.Version).OriginalValue = row.Version;
        }

        (day.Date, day.Kind, day.Name) = (row.Date, row.Kind, row.Name ?? string.Empty);
        day.Validate();
        if (await db.OfficialCalendarDays.AnyAsync(d => d.Id != row.Id && d.Date == row.Date, cancellationToken))
        {
            throw new DomainException($"{row.Date:yyyy-MM-dd} 已在日历中，请修改原有记录。");
        }

        await db.SaveChangesAsync(cancellationToken);
        return day.Id;
    }

    public async Task DeleteAsync(int id, Guid version, CancellationToken cancellationToken = default)
    {
        RequireAdministrator();
        await using var db = factory.CreateDbContext();
        var day = await db.OfficialCalendarDays.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new DomainException("该日期不存在，可能已被删除。");
        db.Entry(day).Property(d => d.Version).OriginalValue = version;
        db.OfficialCalendarDays.Remove(day);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the seeded years that have no day yet (reference data; an administrator's edits are kept).</summary>
    public static async Task SeedAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.OfficialCalendarDays.Select(d => d.Year).Distinct().ToListAsync(cancellationToken);
        var missing = OfficialCalendarSeed.Days.Where(d => !years.Contains(d.Date.Year)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var (date, kind, name) in missing)
        {
            db.OfficialCalendarDays.Add(new OfficialCalendarDay { Date = date, Year = date.Year, Kind = kind, Name = name });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void RequireAdministrator()
    {
        if (!currentUser.User.IsInRole(Roles.Administrator))
        {
            throw new AccessDeniedException("只有系统管理员可以维护节假日日历。");
        }
    }
}
