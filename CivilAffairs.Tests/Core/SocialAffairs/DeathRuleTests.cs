using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAffairs;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Core.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.SocialAffairs;

/// <summary>
/// The death rule in every existing batch: a person who died in November is paid for November and never for
/// December; payments made before the death was recorded are listed for recovery.
/// </summary>
public sealed class DeathRuleTests : SocialAssistanceTestBase
{
    private static readonly Period November = new(2026, 11);
    private static readonly Period December = new(2026, 12);
    private static readonly DateOnly DiedInNovember = new(2026, 11, 3);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var ctx = Db.CreateDbContext(UserContext.System);
        ctx.HighAgeAllowanceStandards.Add(new HighAgeAllowanceStandard { MinAge = 80, MonthlyAmount = 150, EffectiveFrom = 202001 });
        ctx.CareSubsidyStandards.Add(new CareSubsidyStandard { EffectiveYear = 2020, YearlyAmount = 3600 });
        await ctx.SaveChangesAsync();
    }

    private HighAgeAllowanceService Allowance() => new(Db.ActAs(TestUsers.Jinghe), Db, Clock);

    private CareSubsidyBatchService Subsidy() => new(Db.ActAs(TestUsers.Jinghe), Db, Clock);

    private AfterDeathService AfterDeath() => new(Db.ActAs(TestUsers.Jinghe), Db, Clock, Microsoft.Extensions.Options.Options.Create(new SocialAffairsOptions { AfterDeathBaselineDays = 20 }),
        [new HighAgeAllowanceAfterDeathSource(), new AssistanceAfterDeathSource()]);

    private async Task<int> PersonAsync(DateOnly birth, int seq)
    {
        await using var ctx = Db.CreateDbContext(UserContext.System);
        var person = new Person(ResidentId.Parse(TestIds.For("652722", birth, seq), TestIds.Today), $"人员{seq}", JingheTown);
        ctx.People.Add(person);
        await ctx.SaveChangesAsync();
        return person.Id;
    }

    // The family applies later in the month: the clock moves on to then (cases and batches are made before).
    private async Task RecordDeathAsync(int personId, DateOnly died)
    {
        Today(new DateOnly(2026, 11, 25));
        await AfterDeath().SaveAsync(new DeathCaseForm
        {
            PersonId = personId, DateOfDeath = died, Applicant = "家属", AppliedOn = died.AddDays(1), Items = AfterDeathItems.HouseholdRegistration | AfterDeathItems.AllowanceStop,
        });
    }

    private async Task<int> PovertyPersonAsync(int seq)
    {
        var idNumber = TestIds.For("652722", new DateOnly(1950, 3, 3), seq);
        await Poverty().SaveAsync(new ExtremePovertyForm
        {
            IdNumber = idNumber, Name = $"特困{seq}", DivisionCode = JingheTown, Mode = SupportMode.Dispersed, MonthlyAmount = 1100, StartedOn = new DateOnly(2026, 1, 1),
        });
        await using var ctx = Db.CreateDbContext(UserContext.System);
        return await ctx.People.Where(p => p.IdNumber == idNumber).Select(p => p.Id).SingleAsync();
    }

    private async Task<List<int>> MembersAsync(int householdId)
    {
        await using var ctx = Db.CreateDbContext(UserContext.System);
        return await ctx.HouseholdMembers.Where(m => m.HouseholdId == householdId).OrderBy(m => m.Id).Select(m => m.PersonId).ToListAsync();
    }

    [Fact]
    public async Task RecordingTheCaseMarksThePersonDeceasedAndDeletingItClearsTheDeath()
    {
        var id = await PersonAsync(new DateOnly(1940, 5, 5), 501);

        await RecordDeathAsync(id, DiedInNovember);
        await using (var ctx = Db.CreateDbContext(UserContext.System))
        {
            Assert.Equal(DiedInNovember, (await ctx.People.SingleAsync(p => p.Id == id)).DateOfDeath);
        }

        var row = Assert.Single((await AfterDeath().ListAsync(new SupportFilter(), new PageRequest(0, 10))).Items);
        var form = (await AfterDeath().GetAsync(row.Id))!;
        await AfterDeath().DeleteCaseAsync(form.Id, form.Version);

        await using var after = Db.CreateDbContext(UserContext.System);
        Assert.Null((await after.People.SingleAsync(p => p.Id == id)).DateOfDeath);
    }

    [Fact]
    public async Task MovingACaseToTheRightPersonClearsTheWrongOnesDeath()
    {
        var wrong = await PersonAsync(new DateOnly(1940, 5, 5), 509);
        var right = await PersonAsync(new DateOnly(1941, 6, 6), 511);
        await RecordDeathAsync(wrong, DiedInNovember);
        var form = (await AfterDeath().GetAsync((await AfterDeath().ListAsync(new SupportFilter(), new PageRequest(0, 10))).Items.Single().Id))!;

        form.PersonId = right;
        await AfterDeath().SaveAsync(form);

        await using var ctx = Db.CreateDbContext(UserContext.System);
        Assert.Null((await ctx.People.SingleAsync(p => p.Id == wrong)).DateOfDeath);
        Assert.Equal(DiedInNovember, (await ctx.People.SingleAsync(p => p.Id == right)).DateOfDeath);
    }

    [Fact]
    public async Task HighAgeAllowanceIsPaidForTheMonthOfDeathButNotTheNext()
    {
        var id = await PersonAsync(new DateOnly(1940, 5, 5), 502);
        await RecordDeathAsync(id, DiedInNovember);

        Assert.Contains((await Allowance().PreviewAsync(November)).Lines, l => l.PersonId == id);
        Assert.DoesNotContain((await Allowance().PreviewAsync(December)).Lines, l => l.PersonId == id);
    }

    [Fact]
    public async Task ExtremePovertySupportStopsAfterTheMonthOfDeath()
    {
        var id = await PovertyPersonAsync(503);
        await RecordDeathAsync(id, DiedInNovember);

        Assert.Single((await Payments().PreviewAsync(November)).Lines, l => l.Program == AssistanceProgram.ExtremePoverty);
        Assert.DoesNotContain((await Payments().PreviewAsync(December)).Lines, l => l.Program == AssistanceProgram.ExtremePoverty);
    }

    [Fact]
    public async Task ADibaoHouseholdIsPaidOnlyForItsLivingMembersAndNothingWhenNoneIsLeft()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0);   // (700 − 100) × 3 = 1800
        var caseId = await ActiveAsync(household);
        var alone = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100);             // 600
        var aloneCase = await ActiveAsync(alone);
        var members = await MembersAsync(household);
        await RecordDeathAsync(members[1], DiedInNovember);
        await RecordDeathAsync((await MembersAsync(alone))[0], DiedInNovember);

        var november = (await Payments().PreviewAsync(November)).Lines;
        var december = (await Payments().PreviewAsync(December)).Lines;

        Assert.Equal((3, 1800m), november.Where(l => l.CaseId == caseId).Select(l => (l.Persons, l.Amount)).Single());
        Assert.Equal((2, 1200m), december.Where(l => l.CaseId == caseId).Select(l => (l.Persons, l.Amount)).Single());
        Assert.Contains(november, l => l.CaseId == aloneCase);
        Assert.DoesNotContain(december, l => l.CaseId == aloneCase);
    }

    [Fact]
    public async Task CareSubsidyStopsAfterTheDependantsDeath()
    {
        var head = await PersonAsync(new DateOnly(1970, 1, 1), 504);
        var dependant = await PersonAsync(new DateOnly(2000, 1, 1), 505);
        await using (var ctx = Db.CreateDbContext(UserContext.System))
        {
            ctx.CareSubsidyFamilies.Add(new CareSubsidyFamily { HeadPersonId = head, DependantPersonId = dependant, DivisionCode = JingheTown, StartOn = new DateOnly(2026, 1, 1) });
            await ctx.SaveChangesAsync();
        }

        await RecordDeathAsync(dependant, DiedInNovember);

        Assert.Single((await Subsidy().PreviewAsync(November)).Lines);
        Assert.Empty((await Subsidy().PreviewAsync(December)).Lines);
    }

    [Fact]
    public async Task PaymentsGeneratedBeforeTheDeathWasRecordedAreListedForRecovery()
    {
        var old = await PersonAsync(new DateOnly(1940, 5, 5), 506);
        var poor = await PovertyPersonAsync(507);
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 0, 0);
        await ActiveAsync(household);
        var member = (await MembersAsync(household))[2];
        foreach (var month in new[] { November, December })
        {
            await Allowance().CommitAsync(month);
            await Payments().CommitAsync(month);
        }

        await RecordDeathAsync(old, DiedInNovember);
        await RecordDeathAsync(poor, DiedInNovember);
        await RecordDeathAsync(member, DiedInNovember);

        var recovery = await AfterDeath().RecoveryAsync();

        Assert.Equal(3, recovery.Count);
        Assert.All(recovery, r => Assert.Equal(December.Key, r.Period));
        Assert.Equal(150m, recovery.Single(r => r.PersonId == old && r.Program == HighAgeAllowanceAfterDeathSource.Program).Amount);
        Assert.Equal(1100m, recovery.Single(r => r.PersonId == poor && r.Program == AssistanceAfterDeathSource.ExtremePoverty).Amount);
        Assert.Equal(600m, recovery.Single(r => r.PersonId == member && r.Program == AssistanceAfterDeathSource.Dibao).Amount);
        Assert.Single(await AfterDeath().RecoveryAsync(personId: old));
    }

    [Fact]
    public async Task TheRecoveryListStaysInsideTheUsersScope()
    {
        var id = await PersonAsync(new DateOnly(1940, 5, 5), 508);
        await Allowance().CommitAsync(December);
        await RecordDeathAsync(id, DiedInNovember);

        var own = await AfterDeath().RecoveryAsync();
        var other = await new AfterDeathService(Db.ActAs(TestUsers.Wenquan), Db, Clock, Microsoft.Extensions.Options.Options.Create(new SocialAffairsOptions()),
            [new HighAgeAllowanceAfterDeathSource(), new AssistanceAfterDeathSource()]).RecoveryAsync();

        Assert.Single(own);
        Assert.Empty(other);
    }

    [Fact]
    public async Task AClerkOfSocialAffairsAloneSeesNoPaymentsOfLinesTheyMayNotRead()
    {
        var id = await PersonAsync(new DateOnly(1940, 5, 5), 509);
        await Allowance().CommitAsync(December);
        await RecordDeathAsync(id, DiedInNovember);
        var affairsOnly = new UserContext("u-af", "af", "精河县社会事务股", Roles.Staff, DivisionScope.For("652722"), new HashSet<ServiceLine> { ServiceLine.SocialAffairs });
        var withElderly = affairsOnly with { Lines = new HashSet<ServiceLine> { ServiceLine.SocialAffairs, ServiceLine.ElderlyCare } };
        AfterDeathService As(UserContext user) => new(Db.ActAs(user), Db, Clock, Microsoft.Extensions.Options.Options.Create(new SocialAffairsOptions()),
            [new HighAgeAllowanceAfterDeathSource(), new AssistanceAfterDeathSource()]);

        Assert.Empty(await As(affairsOnly).RecoveryAsync());
        Assert.Single(await As(withElderly).RecoveryAsync());
    }
}
