using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Quality;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAffairs;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Core.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.Quality;

/// <summary>
/// Each data-quality check on hand-made records: it finds the bad record and leaves the good one alone.
/// The rules' clock stands on 2 November 2026 and moves on as the cases are walked through their steps;
/// the month checked is November 2026 (the records say so, not the machine's calendar).
/// </summary>
public sealed class DataQualityCheckTests : SocialAssistanceTestBase
{
    private static readonly Period November = new(2026, 11);
    private int _seq = 600;

    private DataQualityService Service(UserContext user, decimal stockJumpShare = 0.5m)
    {
        Db.ActAs(user);
        IQualityCheckQuery[] checks =
        [
            new PaymentsAfterDeathCheck([new HighAgeAllowanceAfterDeathSource(), new AssistanceAfterDeathSource()]),
            new PaidNotInPaymentCheck(), new DibaoAndCentralisedCheck(), new HighAgeAllowanceUnder80Check(), new RelativeCaseWithoutFilingCheck(),
            new FilingWithoutCaseCheck(), new ZeroReportMissingCheck(), new EligibleBelowRecipientsCheck(),
            new StockJumpCheck(new IndicatorEngine(Db, Db), Microsoft.Extensions.Options.Options.Create(new DataQualityOptions { StockJumpShare = stockJumpShare })),
        ];
        return new DataQualityService(Db, Db, checks);
    }

    private async Task<IReadOnlyList<QualityFinding>> FindAsync(QualityCheck check, UserContext? user = null, Period? period = null, decimal share = 0.5m) =>
        (await Service(user ?? TestUsers.Jinghe, share).FindAsync(check, period ?? November, null, new PageRequest(0, 100))).Items;

    private async Task<int> CountAsync(QualityCheck check, UserContext? user = null) =>
        (await Service(user ?? TestUsers.Jinghe).CountAsync(November)).Single(c => c.Info.Check == check).Count;

    private async Task<int> HeadAsync(int householdId)
    {
        await using var ctx = Db.CreateDbContext(UserContext.System);
        return await ctx.Households.Where(h => h.Id == householdId).Select(h => h.HeadPersonId).SingleAsync();
    }

    private async Task<string> NameAsync(int personId)
    {
        await using var ctx = Db.CreateDbContext(UserContext.System);
        return await ctx.People.Where(p => p.Id == personId).Select(p => p.Name).SingleAsync();
    }

    private async Task<int> PersonAsync(DateOnly birth, string division = JingheTown)
    {
        await using var ctx = Db.CreateDbContext(UserContext.System);
        var person = new Person(ResidentId.Parse(TestIds.For(division[..6], birth, _seq += 2), TestIds.Today), $"人员{_seq}", division);
        ctx.People.Add(person);
        await ctx.SaveChangesAsync();
        return person.Id;
    }

    private async Task AddAsync(params object[] entities)
    {
        await using var ctx = Db.CreateDbContext(UserContext.System);
        ctx.AddRange(entities);
        await ctx.SaveChangesAsync();
    }

    private static AssistancePayment Payment(AssistanceProgram program, int caseId, string division = JingheTown, PaymentStatus status = PaymentStatus.Pending) =>
        new() { Program = program, CaseId = caseId, DivisionCode = division, Area = UrbanRural.Urban, Period = November.Key, Persons = 1, Amount = 321.50m, Status = status };

    private static ExtremePovertyCase Poverty(int personId, SupportMode mode, DateOnly started, DateOnly? ended = null) => new()
    {
        PersonId = personId, DivisionCode = JingheTown, Mode = mode, FacilityName = mode == SupportMode.Centralised ? "精河县社会福利院" : null,
        MonthlyAmount = 1500, StartedOn = started, EndedOn = ended, EndReason = ended is null ? null : "死亡",
    };

    [Fact]
    public async Task PaymentsToCasesNotInPaymentAtTheMonthsEndAreFoundAndPaymentsToCasesInPaymentAreNot()
    {
        // Four households apply on 2 November; three are confirmed on 9 November, the fourth is refused.
        var (paid, suspended, resumed, refused) = (await HouseholdAsync(JingheTown, UrbanRural.Urban, 100), await HouseholdAsync(JingheTown, UrbanRural.Urban, 100),
            await HouseholdAsync(JingheTown, UrbanRural.Urban, 100), await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));
        var ids = new List<int>();
        foreach (var household in new[] { paid, suspended, resumed })
        {
            ids.Add(await OnNoticeAsync(household));
        }

        var refusedCase = await Cases().ApplyAsync(refused, ApplicationChannel.Window, false, Clock.Today());
        await StepAsync(refusedCase, CaseAction.Refuse, "家庭收入高于低保标准");
        Today(new DateOnly(2026, 11, 9));
        foreach (var id in ids)
        {
            await StepAsync(id, CaseAction.Confirm);
        }

        Today(new DateOnly(2026, 11, 12));
        await StepAsync(ids[1], CaseAction.Suspend, "外出务工，收入待核");
        await StepAsync(ids[2], CaseAction.Suspend, "外出务工，收入待核");
        Today(new DateOnly(2026, 11, 20));
        await StepAsync(ids[2], CaseAction.Resume, "收入核实无变化");

        // 特困: one supported all year, one whose support ended in September.
        var (current, ended) = (await PersonAsync(new DateOnly(1950, 1, 1)), await PersonAsync(new DateOnly(1951, 1, 1)));
        var supported = Poverty(current, SupportMode.Dispersed, new DateOnly(2025, 1, 1));
        var over = Poverty(ended, SupportMode.Dispersed, new DateOnly(2025, 1, 1), new DateOnly(2026, 9, 30));
        await AddAsync(supported, over);
        await AddAsync(Payment(AssistanceProgram.Dibao, ids[0]), Payment(AssistanceProgram.Dibao, ids[1]), Payment(AssistanceProgram.Dibao, ids[2]),
            Payment(AssistanceProgram.Dibao, refusedCase), Payment(AssistanceProgram.ExtremePoverty, supported.Id), Payment(AssistanceProgram.ExtremePoverty, over.Id));

        var found = await FindAsync(QualityCheck.PaidNotInPayment);

        Assert.Equal(
            new[] { $"/assistance/cases/{ids[1]}", $"/assistance/cases/{refusedCase}", $"/assistance/extreme-poverty/{over.Id}" }.Order(),
            found.Select(f => f.Href).Order());
        var suspendedHead = await NameAsync(await HeadAsync(suspended));
        Assert.Contains(found, f => f.Subject == suspendedHead && f.Detail.Contains("暂停", StringComparison.Ordinal));
        Assert.Equal(3, await CountAsync(QualityCheck.PaidNotInPayment));
    }

    [Fact]
    public async Task AReturnedPaymentToASuspendedCaseIsNotAFinding()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100);
        var id = await ActiveAsync(household);
        await StepAsync(id, CaseAction.Suspend, "外出务工，收入待核");
        await AddAsync(Payment(AssistanceProgram.Dibao, id, status: PaymentStatus.Returned));

        Assert.Empty(await FindAsync(QualityCheck.PaidNotInPayment));
    }

    [Fact]
    public async Task AMemberOfAHouseholdInPaymentWhoIsAlsoInCentralisedSupportIsFound()
    {
        var household = await HouseholdAsync(JingheTown, UrbanRural.Urban, 100, 0);
        await ActiveAsync(household);
        var head = await HeadAsync(household);
        var dispersedMember = await MemberAsync(household, 1);
        var notInDibao = await PersonAsync(new DateOnly(1945, 5, 5));
        var bad = Poverty(head, SupportMode.Centralised, new DateOnly(2025, 1, 1));
        await AddAsync(bad, Poverty(dispersedMember, SupportMode.Dispersed, new DateOnly(2025, 1, 1)), Poverty(notInDibao, SupportMode.Centralised, new DateOnly(2025, 1, 1)));

        var finding = Assert.Single(await FindAsync(QualityCheck.DibaoAndCentralisedSupport));

        Assert.Equal($"/assistance/extreme-poverty/{bad.Id}", finding.Href);
        Assert.Equal(await NameAsync(head), finding.Subject);
    }

    private async Task<int> MemberAsync(int householdId, int index)
    {
        await using var ctx = Db.CreateDbContext(UserContext.System);
        return await ctx.HouseholdMembers.Where(m => m.HouseholdId == householdId).OrderBy(m => m.Id).Select(m => m.PersonId).Skip(index).FirstAsync();
    }

    [Fact]
    public async Task AHighAgeAllowanceForSomeoneUnder80AtTheMonthsEndIsFound()
    {
        // 80 on 30 November 2026 (the month's last day) is old enough; one day younger is not.
        var (young, eighty, old) = (await PersonAsync(new DateOnly(1946, 12, 1)), await PersonAsync(new DateOnly(1946, 11, 30)), await PersonAsync(new DateOnly(1936, 1, 1)));
        await AddAsync(
            new HighAgeAllowancePayment { PersonId = young, DivisionCode = JingheTown, Period = November.Key, Age = 79, Amount = 150 },
            new HighAgeAllowancePayment { PersonId = eighty, DivisionCode = JingheTown, Period = November.Key, Age = 80, Amount = 150 },
            new HighAgeAllowancePayment { PersonId = old, DivisionCode = JingheTown, Period = November.Key, Age = 90, Amount = 300 });

        var finding = Assert.Single(await FindAsync(QualityCheck.HighAgeAllowanceUnder80));

        Assert.Equal($"/people/{young}", finding.Href);
        Assert.Contains("79 周岁", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowancePaidForAMonthAfterTheDeathIsFoundInThatMonthOnly()
    {
        var (dead, alive) = (await PersonAsync(new DateOnly(1936, 1, 1)), await PersonAsync(new DateOnly(1937, 1, 1)));
        await using (var ctx = Db.CreateDbContext(UserContext.System))
        {
            (await ctx.People.SingleAsync(p => p.Id == dead)).RecordDeath(new DateOnly(2026, 9, 15), Clock.Today());
            await ctx.SaveChangesAsync();
        }

        await AddAsync(
            new HighAgeAllowancePayment { PersonId = dead, DivisionCode = JingheTown, Period = 202609, Age = 90, Amount = 300, Status = PaymentStatus.Paid },
            new HighAgeAllowancePayment { PersonId = dead, DivisionCode = JingheTown, Period = November.Key, Age = 90, Amount = 300, Status = PaymentStatus.Paid },
            new HighAgeAllowancePayment { PersonId = alive, DivisionCode = JingheTown, Period = November.Key, Age = 89, Amount = 300, Status = PaymentStatus.Paid });

        var finding = Assert.Single(await FindAsync(QualityCheck.PaymentsAfterDeath));
        Assert.Equal($"/people/{dead}", finding.Href);
        Assert.Empty(await FindAsync(QualityCheck.PaymentsAfterDeath, period: new Period(2026, 9)));
    }

    [Fact]
    public async Task ARelativesCaseWithoutAFilingAndAFilingWithoutACaseAreFound()
    {
        var (unfiled, filed) = (await HouseholdAsync(JingheTown, UrbanRural.Urban, 100), await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));
        var unfiledCase = await OnNoticeAsync(unfiled, closeRelative: true);
        await OnNoticeAsync(filed, closeRelative: true);
        var worker = new AssistanceWorker { Name = "王干部", DivisionCode = JingheTown, Level = WorkerLevel.Village, Post = "村委会主任" };
        await AddAsync(worker);
        var stray = await PersonAsync(new DateOnly(1970, 2, 2));
        var good = new RelativeFiling { WorkerId = worker.Id, RelativePersonId = await HeadAsync(filed), Relation = "兄弟姐妹", FiledOn = new DateOnly(2026, 11, 2), DivisionCode = JingheTown };
        var bad = new RelativeFiling { WorkerId = worker.Id, RelativePersonId = stray, Relation = "子女", FiledOn = new DateOnly(2026, 11, 2), DivisionCode = JingheTown };
        await AddAsync(good, bad);

        var withoutFiling = Assert.Single(await FindAsync(QualityCheck.RelativeCaseWithoutFiling));
        var withoutCase = Assert.Single(await FindAsync(QualityCheck.FilingWithoutCase));

        Assert.Equal($"/assistance/cases/{unfiledCase}", withoutFiling.Href);
        Assert.Equal($"/assistance/relatives/{bad.Id}", withoutCase.Href);
    }

    [Fact]
    public async Task AnActiveWorkerWithNeitherAZeroReportNorAFilingInTheMonthIsFound()
    {
        var reported = new AssistanceWorker { Name = "已报", DivisionCode = JingheTown };
        var missing = new AssistanceWorker { Name = "未报", DivisionCode = JingheTown };
        var retired = new AssistanceWorker { Name = "离岗", DivisionCode = JingheTown, Active = false };
        var filedInstead = new AssistanceWorker { Name = "备案", DivisionCode = JingheTown };
        await AddAsync(reported, missing, retired, filedInstead);
        var relative = await PersonAsync(new DateOnly(1970, 3, 3));
        await AddAsync(
            new ZeroReport { WorkerId = reported.Id, Period = November.Key, FiledOn = new DateOnly(2026, 11, 2), DivisionCode = JingheTown },
            new ZeroReport { WorkerId = missing.Id, Period = 202610, FiledOn = new DateOnly(2026, 10, 2), DivisionCode = JingheTown },
            new RelativeFiling { WorkerId = filedInstead.Id, RelativePersonId = relative, Relation = "配偶", FiledOn = new DateOnly(2026, 11, 1), DivisionCode = JingheTown });

        var finding = Assert.Single(await FindAsync(QualityCheck.ZeroReportMissing));

        Assert.Equal($"/assistance/workers/{missing.Id}", finding.Href);
    }

    [Fact]
    public async Task AnEligiblePopulationBelowTheRecipientsInItsDivisionIsFound()
    {
        var people = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            people.Add(await PersonAsync(new DateOnly(1960 + i, 4, 4)));
        }

        await using (var ctx = Db.CreateDbContext(UserContext.System))
        {
            var ids = await ctx.People.Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.IdNumber);
            ctx.DisabilitySubsidies.AddRange(
                Subsidy(people[0], ids[people[0]], DisabilitySubsidyType.Living),
                Subsidy(people[1], ids[people[1]], DisabilitySubsidyType.Living),
                Subsidy(people[2], ids[people[2]], DisabilitySubsidyType.Nursing));
            ctx.EligiblePopulations.AddRange(
                new EligiblePopulation { DivisionCode = "652722", SubsidyType = DisabilitySubsidyType.Living, Count = 1, EffectiveFrom = 202601 },
                new EligiblePopulation { DivisionCode = "652722", SubsidyType = DisabilitySubsidyType.Living, Count = 50, EffectiveFrom = 202612 },
                new EligiblePopulation { DivisionCode = "652722", SubsidyType = DisabilitySubsidyType.Nursing, Count = 1, EffectiveFrom = 202601 });
            await ctx.SaveChangesAsync();
        }

        var finding = Assert.Single(await FindAsync(QualityCheck.EligibleBelowRecipients));

        Assert.Contains("应保人数 1", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("享受人数 2", finding.Detail, StringComparison.Ordinal);
        Assert.Empty(await FindAsync(QualityCheck.EligibleBelowRecipients, period: new Period(2026, 12)));
    }

    private static DisabilitySubsidy Subsidy(int personId, string idNumber, DisabilitySubsidyType type) => new()
    {
        PersonId = personId, CertificateNumber = idNumber + "41", Category = DisabilityCategory.Physical, Grade = 1, SubsidyType = type,
        StartOn = new DateOnly(2026, 1, 1), DivisionCode = JingheTown,
    };

    [Fact]
    public async Task AStockThatMovedMoreThanTheConfiguredShareOnLastYearIsFound()
    {
        // 特困 centralised (SA07): 1 person in November 2025, 3 in November 2026 (+200 %); dispersed (SA08): 1 and 1.
        var persons = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            persons.Add(await PersonAsync(new DateOnly(1940 + i, 6, 6)));
        }

        await AddAsync(
            Poverty(persons[0], SupportMode.Centralised, new DateOnly(2025, 1, 1)),
            Poverty(persons[1], SupportMode.Centralised, new DateOnly(2026, 6, 1)),
            Poverty(persons[2], SupportMode.Centralised, new DateOnly(2026, 6, 1)),
            Poverty(persons[3], SupportMode.Dispersed, new DateOnly(2025, 1, 1)));

        var found = await FindAsync(QualityCheck.StockJump);

        Assert.Contains(found, f => f.Subject.StartsWith("SA07", StringComparison.Ordinal) && f.DivisionCode == "652722" && f.Detail.Contains("+200.0%", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Subject.StartsWith("SA08", StringComparison.Ordinal));
        Assert.DoesNotContain(await FindAsync(QualityCheck.StockJump, share: 2.5m), f => f.Subject.StartsWith("SA07", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChecksStayInsideTheUsersScopeAndLinesAndMaskIdNumbersForStatisticians()
    {
        var (jinghe, wenquan) = (await HouseholdAsync(JingheTown, UrbanRural.Urban, 100), await HouseholdAsync(WenquanTown, UrbanRural.Urban, 100));
        var jingheCase = await Cases().ApplyAsync(jinghe, ApplicationChannel.Window, false, Clock.Today());
        var wenquanCase = await Cases(TestUsers.Wenquan).ApplyAsync(wenquan, ApplicationChannel.Window, false, Clock.Today());
        await AddAsync(Payment(AssistanceProgram.Dibao, jingheCase), Payment(AssistanceProgram.Dibao, wenquanCase, WenquanTown));

        Assert.Equal($"/assistance/cases/{jingheCase}", Assert.Single(await FindAsync(QualityCheck.PaidNotInPayment, TestUsers.Jinghe)).Href);
        Assert.Equal(2, (await FindAsync(QualityCheck.PaidNotInPayment, TestUsers.Admin)).Count);
        var masked = await FindAsync(QualityCheck.PaidNotInPayment, TestUsers.Statistician);
        Assert.All(masked, f => Assert.Contains("*", f.IdNumber, StringComparison.Ordinal));
        Assert.Equal(1, (await Service(TestUsers.Admin).FindAsync(QualityCheck.PaidNotInPayment, November, "652723", new PageRequest(0, 20))).Total);

        // The elderly-care clerk sees the checks of that line (and the cross-line ones), not social assistance's.
        var elderly = Service(TestUsers.Elderly);
        Assert.Equal(["DQ01", "DQ04", "DQ09"], elderly.VisibleChecks().Select(c => c.Code));
        await Assert.ThrowsAsync<AccessDeniedException>(() => elderly.FindAsync(QualityCheck.PaidNotInPayment, November, null, new PageRequest(0, 20)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUsers.Jinghe).CountAsync(November, "652723"));
    }

    [Fact]
    public async Task TheListPagesAcrossBothParts()
    {
        var households = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            households.Add(await HouseholdAsync(JingheTown, UrbanRural.Urban, 100));
        }

        var payments = new List<object>();
        foreach (var household in households)
        {
            payments.Add(Payment(AssistanceProgram.Dibao, await Cases().ApplyAsync(household, ApplicationChannel.Window, false, Clock.Today())));
        }

        for (var i = 0; i < 2; i++)
        {
            var over = Poverty(await PersonAsync(new DateOnly(1945 + i, 1, 1)), SupportMode.Dispersed, new DateOnly(2025, 1, 1), new DateOnly(2026, 9, 30));
            await AddAsync(over);
            payments.Add(Payment(AssistanceProgram.ExtremePoverty, over.Id));
        }

        await AddAsync([.. payments]);
        var service = Service(TestUsers.Jinghe);

        var pages = new List<QualityFinding>();
        for (var page = 0; page < 3; page++)
        {
            var result = await service.FindAsync(QualityCheck.PaidNotInPayment, November, null, new PageRequest(page, 2));
            Assert.Equal(5, result.Total);
            pages.AddRange(result.Items);
        }

        Assert.Equal(5, pages.Select(f => f.Href).Distinct().Count());
        var exported = new List<QualityFinding>();
        await foreach (var finding in service.ExportAsync(November, null))
        {
            exported.Add(finding);
        }

        Assert.Equal(5, exported.Count(f => f.Check == QualityCheck.PaidNotInPayment));
    }
}
