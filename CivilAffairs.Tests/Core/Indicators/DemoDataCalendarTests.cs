using System.Globalization;
using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data.Seeding;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAffairs;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Tests.Core.Indicators;

/// <summary>Every line's demo data, seeded in the portal's order on the pinned date, once for the class.</summary>
public sealed class AllDemoDataFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(TestClock.Create());
        Db.ActAs(UserContext.System);
        var clock = Db.Clock;
        await using var ctx = Db.CreateDbContext(UserContext.System);
        ctx.People.AddRange(DemoDataSeeder.GeneratePeople(clock.Today()));
        await ctx.SaveChangesAsync();
        await new ElderlyCareDemoData(new HighAgeAllowanceService(Db, Db, clock), clock).SeedAsync(ctx, CancellationToken.None);
        await new SocialAssistanceDemoData(clock, Options.Create(new SocialAssistanceOptions())).SeedAsync(ctx, CancellationToken.None);
        await new SocialAssistanceSupportDemoData(new CareSubsidyBatchService(Db, Db, clock), clock).SeedAsync(ctx, CancellationToken.None);
        await new SocialOrganizationsCharityDemoData(clock).SeedAsync(ctx, CancellationToken.None);
        await new SocialAffairsDemoData(clock, Options.Create(new SocialAffairsOptions())).SeedAsync(ctx, CancellationToken.None);
        await new ChildDisabilityDemoData(new WelfareBatchService(Db, Db, clock), clock).SeedAsync(ctx, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>
/// The demo data follow the clock: nothing is dated after today (deadlines aside), and every monthly
/// series runs up to the last closed month, whatever the pinned date.
/// </summary>
[Trait(TestClock.Category, TestClock.Calendar)]
public sealed class DemoDataCalendarTests(AllDemoDataFixture demo) : IClassFixture<AllDemoDataFixture>
{
    private enum Kind
    {
        Date,
        Month,
        Year,
    }

    // Representative dated columns of every line. Left out on purpose: deadlines, which lie ahead by design
    // (DibaoCases.DueOn, ProcessDueOn, NoticeUntil; OrganizationRatings.ValidUntil).
    private static readonly (string Table, string Column, Kind Kind)[] Dated =
    [
        ("People", "BirthDate", Kind.Date), ("People", "DateOfDeath", Kind.Date),

        ("CareFacilities", "OpenedOn", Kind.Date), ("CareFacilities", "InvestmentYear", Kind.Year), ("CareFacilityStatusChanges", "EffectiveOn", Kind.Date), ("CareVisits", "VisitedOn", Kind.Date),
        ("HomeAdaptations", "CompletedOn", Kind.Date), ("CaregiverTrainings", "HeldOn", Kind.Date), ("HighAgeAllowanceStandards", "EffectiveFrom", Kind.Month),
        ("HighAgeAllowancePayments", "Period", Kind.Month), ("HighAgeAllowancePayments", "SettledOn", Kind.Date), ("OpeningBalances", "Before", Kind.Month),

        ("AssistanceStandards", "EffectiveFrom", Kind.Date), ("DibaoCases", "AppliedOn", Kind.Date), ("DibaoCases", "ConfirmedOn", Kind.Date),
        ("DibaoCases", "DecidedOn", Kind.Date), ("DibaoCases", "ExitedOn", Kind.Date), ("DibaoCases", "NoticeFrom", Kind.Date), ("CaseTransitions", "On", Kind.Date),
        ("ExtremePovertyCases", "StartedOn", Kind.Date), ("ExtremePovertyCases", "EndedOn", Kind.Date),
        ("AssistancePayments", "Period", Kind.Month), ("AssistancePayments", "SettledOn", Kind.Date),

        ("TemporaryAssistances", "GivenOn", Kind.Date), ("ZeroReports", "Period", Kind.Month), ("ZeroReports", "FiledOn", Kind.Date),
        ("RelativeFilings", "FiledOn", Kind.Date), ("DiscoveryLeads", "FoundOn", Kind.Date), ("DiscoveryLeads", "ConvertedOn", Kind.Date),
        ("CareSubsidyFamilies", "StartOn", Kind.Date), ("CareSubsidyFamilies", "EndOn", Kind.Date),
        ("CareSubsidyPayments", "Period", Kind.Month), ("CareSubsidyPayments", "SettledOn", Kind.Date),

        ("SocialOrganizations", "RegisteredOn", Kind.Date), ("SocialOrganizations", "StatusChangedOn", Kind.Date), ("OrganizationRatings", "RatedOn", Kind.Date),
        ("RegistrationApplications", "SubmittedOn", Kind.Date), ("RegistrationApplications", "DecidedOn", Kind.Date),
        ("IncubationBases", "EstablishedYear", Kind.Year), ("IncubationProjects", "Year", Kind.Year),
        ("Donations", "DonatedOn", Kind.Date), ("GiftPackageDistributions", "DistributedOn", Kind.Date), ("FreeClinics", "HeldOn", Kind.Date),
        ("LotterySales", "Period", Kind.Month),

        ("MarriageMonthlyFigures", "Period", Kind.Month), ("CollectiveWeddings", "HeldOn", Kind.Date), ("BurialFacilities", "OpenedOn", Kind.Date),
        ("PlaceNames", "RecordedOn", Kind.Date), ("PlaceNameExperts", "AddedOn", Kind.Date),
        ("DeathCases", "DateOfDeath", Kind.Date), ("DeathCases", "AppliedOn", Kind.Date), ("DeathCases", "CompletedOn", Kind.Date),

        ("WelfareFacilities", "OpenedOn", Kind.Date), ("WelfareStandards", "EffectiveFrom", Kind.Month), ("DisabilitySubsidies", "StartOn", Kind.Date),
        ("ChildrenInCare", "StartOn", Kind.Date), ("ChildrenInCare", "EndOn", Kind.Date), ("EducationAids", "GrantedOn", Kind.Date), ("EducationAids", "Year", Kind.Year),
        ("RehabActivities", "HeldOn", Kind.Date), ("WelfarePayments", "Period", Kind.Month), ("WelfarePayments", "SettledOn", Kind.Date),
        ("EligiblePopulations", "EffectiveFrom", Kind.Month),
    ];

    private static object Limit(Kind kind) => kind switch
    {
        Kind.Date => TestClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Kind.Month => TestClock.CurrentMonth.Key,
        _ => TestClock.Today.Year,
    };

    [Fact]
    public async Task NoSeededRecordIsDatedAfterToday()
    {
        await using var ctx = demo.Db.CreateDbContext(UserContext.System);
        var connection = ctx.Database.GetDbConnection();
        await ctx.Database.OpenConnectionAsync();
        var problems = new List<string>();
        foreach (var (table, column, kind) in Dated)
        {
            await using var command = connection.CreateCommand();
            // Names come from the list above, not from input.
            command.CommandText = $"SELECT (SELECT COUNT(*) FROM \"{table}\"), COUNT(*), MAX(\"{column}\") FROM \"{table}\" WHERE \"{column}\" > @limit";
            var limit = command.CreateParameter();
            limit.ParameterName = "@limit";
            limit.Value = Limit(kind);
            command.Parameters.Add(limit);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (rows, after, latest) = (reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetValue(2));
            if (rows == 0)
            {
                problems.Add($"{table} has no demo rows");
            }
            else if (after > 0)
            {
                problems.Add($"{table}.{column}: {after} after {Limit(kind)} (latest {latest})");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task EveryMonthlySeriesRunsUpToTheLastClosedMonth()
    {
        await using var ctx = demo.Db.CreateDbContext(UserContext.System);
        var last = TestClock.LastClosedMonth.Key;
        var paid = PaymentStatus.Paid;

        Assert.Equal(last, await ctx.HighAgeAllowancePayments.Where(p => p.Status == paid).MaxAsync(p => p.Period));
        Assert.Equal(last, await ctx.AssistancePayments.Where(p => p.Status == paid).MaxAsync(p => p.Period));
        Assert.Equal(last, await ctx.CareSubsidyPayments.Where(p => p.Status == SubsidyPaymentStatus.Paid).MaxAsync(p => p.Period));
        Assert.Equal(last, await ctx.WelfarePayments.Where(p => p.Status == paid).MaxAsync(p => p.Period));
        Assert.Equal(last, await ctx.LotterySales.MaxAsync(l => l.Period));
        Assert.Equal(last, await ctx.MarriageMonthlyFigures.MaxAsync(f => f.Period));
        Assert.Equal(TestClock.CurrentMonth.Key, await ctx.ZeroReports.MaxAsync(z => z.Period));
        Assert.Equal(25, await ctx.ZeroReports.Select(z => z.Period).Distinct().CountAsync());   // two years and the month in progress
    }

    [Fact]
    public async Task EveryProgrammeIsPaidInTheSameMonthLastYearAndTwoYearsBack()
    {
        await using var ctx = demo.Db.CreateDbContext(UserContext.System);
        var paid = PaymentStatus.Paid;
        foreach (var month in new[] { TestClock.LastClosedMonth.AddMonths(-12).Key, TestClock.LastClosedMonth.AddMonths(-23).Key })
        {
            Assert.True(await ctx.HighAgeAllowancePayments.AnyAsync(p => p.Period == month && p.Status == paid), $"高龄津贴 {month}");
            Assert.True(await ctx.AssistancePayments.AnyAsync(p => p.Period == month && p.Status == paid && p.Program == AssistanceProgram.Dibao), $"低保 {month}");
            Assert.True(await ctx.AssistancePayments.AnyAsync(p => p.Period == month && p.Status == paid && p.Program == AssistanceProgram.ExtremePoverty), $"特困 {month}");
            Assert.True(await ctx.CareSubsidyPayments.AnyAsync(p => p.Period == month && p.Status == SubsidyPaymentStatus.Paid), $"安心助养 {month}");
            foreach (var benefit in Enum.GetValues<WelfareBenefit>())
            {
                Assert.True(await ctx.WelfarePayments.AnyAsync(p => p.Period == month && p.Status == paid && p.Benefit == benefit), $"{benefit} {month}");
            }

            Assert.True(await ctx.ZeroReports.CountAsync(z => z.Period == month) > 13_000, $"零报告 {month}");
        }
    }
}
