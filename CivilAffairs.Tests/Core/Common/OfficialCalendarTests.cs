using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Core.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.Common;

/// <summary>Working days under the State Council's calendar: holidays off, 调休 weekend days worked, Monday–Friday for years without one.</summary>
public sealed class OfficialCalendarTests
{
    private static readonly WorkingCalendar Seeded = new(OfficialCalendarSeed.Days.Select(d => (d.Date, d.Kind)));

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void TheNationalDayBreakIsSkippedAndTheWorkedSaturdayCounts()
    {
        // 1–7 October 2026 off; Thu 8, Fri 9 and Saturday 10 October (调休) are the first three working days.
        Assert.Equal(D(2026, 10, 10), Seeded.Add(D(2026, 10, 1), 3));
        Assert.Equal(D(2026, 10, 8), Seeded.Add(D(2026, 9, 30), 1));
        Assert.Equal(3, Seeded.Between(D(2026, 9, 30), D(2026, 10, 11)));
        Assert.True(Seeded.IsWorkingDay(D(2026, 9, 20)));    // Sunday worked before 中秋/国庆
        Assert.False(Seeded.IsWorkingDay(D(2026, 9, 25)));   // 中秋节, a Friday
    }

    [Fact]
    public void TheSpringFestivalOf2025IsOffWithTheTwoWeekendDaysWorked()
    {
        Assert.True(Seeded.IsWorkingDay(D(2025, 1, 26)));     // Sunday worked
        Assert.Equal(D(2025, 1, 26), Seeded.Add(D(2025, 1, 24), 1));
        Assert.Equal(D(2025, 2, 5), Seeded.Add(D(2025, 1, 26), 2));   // 27 Mon worked, 28 Jan–4 Feb off, 5 Feb
        Assert.True(Seeded.IsWorkingDay(D(2025, 2, 8)));      // Saturday worked
        Assert.False(Seeded.IsWorkingDay(D(2025, 10, 8)));    // 国庆+中秋, a Wednesday
    }

    [Fact]
    public void AYearWithoutACalendarCountsMondayToFriday()
    {
        Assert.False(Seeded.Covers(2027));
        Assert.True(Seeded.Covers(2026));
        Assert.Equal(D(2027, 10, 4), Seeded.Add(D(2027, 10, 1), 1));   // Fri 1 October 2027 + 1 → Monday, no holiday known
        Assert.True(Seeded.IsWorkingDay(D(2027, 10, 1)));
        Assert.Equal(D(2026, 10, 2), WorkingCalendar.WeekdaysOnly.Add(D(2026, 10, 1), 1));
    }

    [Fact]
    public void TheSeededCalendarsHaveTheStateCouncilsDaysAndEveryWorkedDayIsAWeekendDay()
    {
        int Holidays(int year) => OfficialCalendarSeed.Days.Count(d => d.Date.Year == year && d.Kind == OfficialDayKind.Holiday);
        DateOnly[] Worked(int year) => [.. OfficialCalendarSeed.Days.Where(d => d.Date.Year == year && d.Kind == OfficialDayKind.WorkingWeekendDay).Select(d => d.Date).Order()];

        Assert.Equal(1 + 8 + 3 + 5 + 3 + 8, Holidays(2025));
        Assert.Equal(3 + 9 + 3 + 5 + 3 + 3 + 7, Holidays(2026));
        Assert.Equal([D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)], Worked(2025));
        Assert.Equal([D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)], Worked(2026));
        Assert.All(OfficialCalendarSeed.Days.Where(d => d.Kind == OfficialDayKind.WorkingWeekendDay),
            d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d.Date} is not a weekend day"));
        Assert.Equal(OfficialCalendarSeed.Days.Count, OfficialCalendarSeed.Days.Select(d => d.Date).Distinct().Count());
    }
}

/// <summary>The administrator's calendar: writes refused to others, audited, checked; seeding once per year.</summary>
public sealed class OfficialCalendarServiceTests : IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private OfficialCalendarService Service(UserContext user) => new(_db.ActAs(user), _db);

    [Fact]
    public async Task OnlyAnAdministratorChangesTheCalendarAndEveryChangeIsAudited()
    {
        var row = new OfficialCalendarRow(0, Guid.Empty, new DateOnly(2027, 1, 1), OfficialDayKind.Holiday, "元旦");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUsers.Statistician).SaveAsync(row));

        var id = await Service(TestUsers.Admin).SaveAsync(row);
        var saved = Assert.Single(await Service(TestUsers.Statistician).ListAsync(2027));
        Assert.Equal((new DateOnly(2027, 1, 1), "元旦"), (saved.Date, saved.Name));

        await Service(TestUsers.Admin).SaveAsync(saved with { Name = "元旦节" });
        var edited = Assert.Single(await Service(TestUsers.Admin).ListAsync(2027));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUsers.Leader).DeleteAsync(id, edited.Version));
        await Service(TestUsers.Admin).DeleteAsync(id, edited.Version);

        Assert.Empty(await Service(TestUsers.Admin).ListAsync(2027));
        await using var db = _db.CreateDbContext(UserContext.System);
        var audited = await db.AuditEntries.Where(a => a.EntityType.Contains("OfficialCalendarDay")).Select(a => a.UserName).ToListAsync();
        Assert.Equal(3, audited.Count);
        Assert.All(audited, u => Assert.Equal("admin", u));
    }

    [Fact]
    public async Task AWorkedDayMustBeAWeekendDayAndADateIsEnteredOnce()
    {
        var admin = Service(TestUsers.Admin);
        var weekday = await Assert.ThrowsAsync<DomainException>(() => admin.SaveAsync(new(0, Guid.Empty, new DateOnly(2027, 2, 3), OfficialDayKind.WorkingWeekendDay, "春节")));
        Assert.Contains("星期三", weekday.Message, StringComparison.Ordinal);

        await admin.SaveAsync(new(0, Guid.Empty, new DateOnly(2027, 2, 6), OfficialDayKind.WorkingWeekendDay, "春节"));
        var twice = await Assert.ThrowsAsync<DomainException>(() => admin.SaveAsync(new(0, Guid.Empty, new DateOnly(2027, 2, 6), OfficialDayKind.Holiday, "春节")));
        Assert.Contains("已在日历中", twice.Message, StringComparison.Ordinal);
        var nameless = await Assert.ThrowsAsync<DomainException>(() => admin.SaveAsync(new(0, Guid.Empty, new DateOnly(2027, 2, 7), OfficialDayKind.Holiday, " ")));
        Assert.Contains("节日名称", nameless.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedingAddsTheStateCouncilYearsOnceAndKeepsAnAdministratorsEdits()
    {
        await using (var db = _db.CreateDbContext(UserContext.System))
        {
            await OfficialCalendarService.SeedAsync(db, CancellationToken.None);
        }

        var first = await Service(TestUsers.Admin).ListAsync(2026);
        await Service(TestUsers.Admin).DeleteAsync(first[0].Id, first[0].Version);
        await using (var db = _db.CreateDbContext(UserContext.System))
        {
            await OfficialCalendarService.SeedAsync(db, CancellationToken.None);
        }

        Assert.Equal(first.Count - 1, (await Service(TestUsers.Admin).ListAsync(2026)).Count);
        Assert.Equal(OfficialCalendarSeed.Days.Count(d => d.Date.Year == 2025), (await Service(TestUsers.Admin).ListAsync(2025)).Count);
        Assert.Equal([2025, 2026], await Service(TestUsers.Statistician).YearsAsync());
    }
}

/// <summary>A 低保 case's deadlines follow the official calendar held in the database.</summary>
public sealed class DibaoDeadlineCalendarTests() : SocialAssistanceTestBase(new DateTimeOffset(2026, 9, 30, 4, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public async Task AnApplicationBeforeNationalDayIsDueFifteenWorkingDaysLaterInTheOfficialCalendar()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100);
        var before = await Cases().ApplyAsync(household, ApplicationChannel.Window, false, Clock.Today());
        Assert.Equal(new DateOnly(2026, 10, 21), (await Cases().GetAsync(before))!.Case.DueOn);   // Monday–Friday only: no calendar yet
        await StepAsync(before, CaseAction.Refuse, "重复申请");

        await using (var db = Db.CreateDbContext(UserContext.System))
        {
            await OfficialCalendarService.SeedAsync(db, CancellationToken.None);
        }

        var id = await Cases().ApplyAsync(household, ApplicationChannel.Window, false, Clock.Today());

        // From Wed 30 September: 1–7 October off; 8, 9, 10 (Saturday worked), 12–16, 19–23, 26, 27 October.
        Assert.Equal(new DateOnly(2026, 10, 27), (await Cases().GetAsync(id))!.Case.DueOn);
    }
}
