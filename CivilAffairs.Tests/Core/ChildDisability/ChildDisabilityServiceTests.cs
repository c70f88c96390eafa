using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.ChildDisability;

/// <summary>The disability subsidies and children's allowance: certificate, grade rule, standards by month, the death rule, idempotent batches, scope, indicators.</summary>
public sealed class ChildDisabilityServiceTests : IAsyncLifetime
{
    private const string JingheTown = "652722100";
    private const string WenquanTown = "652723100";
    private static readonly Period June = new(2026, 6);
    private static readonly Period July = new(2026, 7);
    private static readonly Period August = new(2026, 8);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.WelfareStandards.AddRange(
            new WelfareStandard { Benefit = WelfareBenefit.DisabilityLiving, MonthlyAmount = 100, EffectiveFrom = 202001 },
            new WelfareStandard { Benefit = WelfareBenefit.DisabilityLiving, MonthlyAmount = 120, EffectiveFrom = July.Key },
            new WelfareStandard { Benefit = WelfareBenefit.DisabilityNursing, MonthlyAmount = 150, EffectiveFrom = 202001 },
            new WelfareStandard { Benefit = WelfareBenefit.OrphanDispersed, MonthlyAmount = 1200, EffectiveFrom = 202001 },
            new WelfareStandard { Benefit = WelfareBenefit.OrphanDispersed, MonthlyAmount = 1300, EffectiveFrom = July.Key });
        await ctx.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<Person> PersonAsync(string division, int seq, DateOnly? birth = null)
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var person = new Person(ResidentId.Parse(TestIds.For(division[..6], birth ?? new DateOnly(1970, 1, 1), seq), TestIds.Today), $"残疾人{seq}", division);
        ctx.People.Add(person);
        await ctx.SaveChangesAsync();
        return person;
    }

    private async Task RecordDeathAsync(int personId, DateOnly died)
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var person = await ctx.People.SingleAsync(p => p.Id == personId);
        person.RecordDeath(died, TestIds.Today);
        await ctx.SaveChangesAsync();
    }

    private DisabilitySubsidyService Subsidies(UserContext? user = null) => new(_db.ActAs(user ?? TestUsers.Jinghe), _db, _db.Clock);

    private WelfareBatchService Batch(UserContext? user = null) => new(_db.ActAs(user ?? TestUsers.Jinghe), _db, _db.Clock);

    private static DisabilityForm Form(Person person, int grade = 1, DisabilitySubsidyType type = DisabilitySubsidyType.Living, DisabilityCategory category = DisabilityCategory.Physical) => new()
    {
        PersonId = person.Id, CertificateNumber = DisabilityCertificate.Of(person.IdNumber, category, grade), SubsidyType = type, StartOn = new DateOnly(2026, 1, 1),
    };

    [Fact]
    public void AValidCertificateGivesCategoryAndGrade()
    {
        var id = TestIds.For("652722", new DateOnly(1980, 5, 6), 12);

        var certificate = DisabilityCertificate.Parse(id + "62", TestIds.Today);

        Assert.Equal((id, DisabilityCategory.Mental, 2), (certificate.IdNumber, certificate.Category, certificate.Grade));
    }

    [Theory]
    [InlineData("1", "残疾人证号须为 20 位")]
    [InlineData("81", "第 19 位（残疾类别）须为 1–7")]
    [InlineData("01", "第 19 位（残疾类别）须为 1–7")]
    [InlineData("45", "第 20 位（残疾等级）须为 1–4")]
    [InlineData("40", "第 20 位（残疾等级）须为 1–4")]
    public void AWrongCertificateIsRefusedWithTheReason(string suffix, string message)
    {
        var id = TestIds.For("652722", new DateOnly(1980, 5, 6), 12);

        var ex = Assert.Throws<DomainException>(() => DisabilityCertificate.Parse(id + suffix, TestIds.Today));

        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void ACertificateWithAWrongIdNumberOrAnotherPersonsIsRefused()
    {
        var id = TestIds.For("652722", new DateOnly(1980, 5, 6), 12);
        var badCheck = id[..17] + (id[17] == '1' ? '2' : '1');
        var other = TestIds.For("652722", new DateOnly(1981, 5, 6), 13);

        Assert.Contains("前 18 位不是有效的公民身份号码", Assert.Throws<DomainException>(() => DisabilityCertificate.Parse(badCheck + "41", TestIds.Today)).Message);
        Assert.Contains("与所选人员的公民身份号码不一致", Assert.Throws<DomainException>(() => DisabilityCertificate.ParseFor(other + "41", id, TestIds.Today)).Message);
    }

    [Fact]
    public async Task TheChangeHistoryMasksTheCertificateForALeaderButNotForTheClerk()
    {
        var person = await PersonAsync(JingheTown, 1);
        var id = await Subsidies().SaveAsync(Form(person));

        var leader = await new AuditQueries(_db.ActAs(TestUsers.Leader), _db).HistoryAsync<DisabilitySubsidy>(id);
        var clerk = await new AuditQueries(_db.ActAs(TestUsers.Jinghe), _db).HistoryAsync<DisabilitySubsidy>(id);

        string Certificate(IReadOnlyList<AuditRow> rows) => rows.Single().Changes.Single(c => c.Field == nameof(DisabilitySubsidy.CertificateNumber)).New!;
        Assert.Equal(DisabilityCertificate.Mask(DisabilityCertificate.Of(person.IdNumber, DisabilityCategory.Physical, 1)), Certificate(leader));
        Assert.DoesNotContain(person.IdNumber, Certificate(leader));
        Assert.Equal(DisabilityCertificate.Of(person.IdNumber, DisabilityCategory.Physical, 1), Certificate(clerk));
    }

    [Fact]
    public async Task TheCertificateMustBelongToTheChosenPerson()
    {
        var person = await PersonAsync(JingheTown, 1);
        var form = Form(person);
        form.CertificateNumber = TestIds.For("652722", new DateOnly(1990, 1, 1), 2) + "41";

        var ex = await Assert.ThrowsAsync<DomainException>(() => Subsidies().SaveAsync(form));

        Assert.Contains("不一致", ex.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task TheNursingSubsidyIsRefusedBelowGradeTwo(int grade)
    {
        var person = await PersonAsync(JingheTown, 1);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Subsidies().SaveAsync(Form(person, grade, DisabilitySubsidyType.Nursing)));

        Assert.Contains("重度残疾人护理补贴仅限一级、二级残疾人", ex.Message);
        Assert.Empty((await Subsidies().ListAsync(new SupportFilter(), new PageRequest(0, 10))).Items);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task TheNursingSubsidyIsGrantedForGradesOneAndTwo(int grade)
    {
        var person = await PersonAsync(JingheTown, 1);

        var id = await Subsidies().SaveAsync(Form(person, grade, DisabilitySubsidyType.Nursing));

        var row = (await Subsidies().ListAsync(new SupportFilter(), new PageRequest(0, 10))).Items.Single();
        Assert.Equal((id, grade, DisabilitySubsidyType.Nursing), (row.Id, row.Grade, row.SubsidyType));
    }

    [Fact]
    public async Task TheLivingSubsidyAcceptsEveryGradeButNotTheSameTypeTwice()
    {
        var person = await PersonAsync(JingheTown, 1);
        await Subsidies().SaveAsync(Form(person, 4));

        var ex = await Assert.ThrowsAsync<DomainException>(() => Subsidies().SaveAsync(Form(person, 4)));
        Assert.Contains("不能重复登记", ex.Message);
        await Subsidies().SaveAsync(Form(person, 2, DisabilitySubsidyType.Nursing));
    }

    [Fact]
    public async Task JuneIsPaidAtTheOldStandardAndJulyAtTheNew()
    {
        var person = await PersonAsync(JingheTown, 1);
        await Subsidies().SaveAsync(Form(person));

        Assert.Equal(100m, (await Batch().PreviewAsync(WelfareGroup.Disability, June)).Lines.Single().Amount);
        await Batch().CommitAsync(WelfareGroup.Disability, June);
        await Batch().CommitAsync(WelfareGroup.Disability, July);

        await using var ctx = _db.CreateDbContext(UserContext.System);
        var amounts = await ctx.WelfarePayments.OrderBy(p => p.Period).Select(p => new { p.Period, p.Amount }).ToListAsync();
        Assert.Equal([(June.Key, 100m), (July.Key, 120m)], amounts.Select(a => (a.Period, a.Amount)));
    }

    [Fact]
    public async Task ANewStandardAppliesFromItsEffectiveMonth()
    {
        var person = await PersonAsync(JingheTown, 1);
        await Subsidies().SaveAsync(Form(person));
        await Batch(TestUsers.Admin).SaveStandardAsync(new WelfareStandardRow(0, Guid.Empty, WelfareBenefit.DisabilityLiving, 140, 202612));

        Assert.Equal(120m, (await Batch().PreviewAsync(WelfareGroup.Disability, new Period(2026, 11))).Lines.Single().Amount);
        Assert.Equal(140m, (await Batch().PreviewAsync(WelfareGroup.Disability, new Period(2026, 12))).Lines.Single().Amount);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Batch(TestUsers.Jinghe).SaveStandardAsync(new WelfareStandardRow(0, Guid.Empty, WelfareBenefit.DisabilityLiving, 150, 202701)));
    }

    [Fact]
    public async Task APersonIsPaidForTheMonthOfDeathButNeverAfter()
    {
        var person = await PersonAsync(JingheTown, 1);
        var alive = await PersonAsync(JingheTown, 2);
        await Subsidies().SaveAsync(Form(person));
        await Subsidies().SaveAsync(Form(alive));
        await RecordDeathAsync(person.Id, new DateOnly(2026, 7, 31));

        await Batch().CommitAsync(WelfareGroup.Disability, July);
        var august = await Batch().PreviewAsync(WelfareGroup.Disability, August);
        await Batch().CommitAsync(WelfareGroup.Disability, August);

        Assert.Equal(1, august.Deceased);
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var paid = await ctx.WelfarePayments.Where(p => p.PersonId == person.Id).Select(p => p.Period).ToListAsync();
        Assert.Equal([July.Key], paid);
        Assert.Equal(2, await ctx.WelfarePayments.CountAsync(p => p.PersonId == alive.Id));
    }

    [Fact]
    public async Task PaymentsMadeForMonthsAfterADeathRecordedLaterAreListedForRecovery()
    {
        var person = await PersonAsync(JingheTown, 1);
        await Subsidies().SaveAsync(Form(person));
        foreach (var month in new[] { June, July, August })
        {
            await Batch().CommitAsync(WelfareGroup.Disability, month);
        }

        await RecordDeathAsync(person.Id, new DateOnly(2026, 6, 20));

        await using var ctx = _db.CreateDbContext(TestUsers.Jinghe);
        var recovery = await new WelfarePaymentsAfterDeath().FindAsync(ctx, null, CancellationToken.None);
        Assert.Equal([July.Key, August.Key], recovery.Select(r => r.Period));
        Assert.All(recovery, r => Assert.Equal(("困难残疾人生活补贴", person.Id, 120m), (r.Program, r.PersonId, r.Amount)));
        await using var wenquan = _db.CreateDbContext(TestUsers.Wenquan);
        Assert.Empty(await new WelfarePaymentsAfterDeath().FindAsync(wenquan, null, CancellationToken.None));
    }

    [Fact]
    public async Task TheSourceIsRegisteredForTheRecoveryList()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddChildDisability();

        Assert.Contains(services, d => d.ServiceType == typeof(IPaymentsAfterDeathSource) && d.ImplementationType == typeof(WelfarePaymentsAfterDeath));
    }

    [Fact]
    public async Task RunningABatchAgainCreatesNothingNew()
    {
        var person = await PersonAsync(JingheTown, 1);
        await Subsidies().SaveAsync(Form(person, 1));
        await Subsidies().SaveAsync(Form(person, 1, DisabilitySubsidyType.Nursing));

        Assert.Equal(2, await Batch().CommitAsync(WelfareGroup.Disability, July));
        var repeat = await Assert.ThrowsAsync<DomainException>(() => Batch().CommitAsync(WelfareGroup.Disability, July));
        Assert.Contains("生成（2 笔），没有新的发放对象，无需重复生成", repeat.Message, StringComparison.Ordinal);
        Assert.Matches(@"已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 由 \S+ 生成", repeat.Message);

        var preview = await Batch().PreviewAsync(WelfareGroup.Disability, July);
        Assert.Equal((0, 2), (preview.Lines.Count, preview.AlreadyPaid));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(270m, await ctx.WelfarePayments.SumAsync(p => p.Amount));
    }

    [Fact]
    public async Task ABatchWithoutAStandardIsRefused()
    {
        var person = await PersonAsync(JingheTown, 1, new DateOnly(2015, 3, 1));
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            ctx.ChildrenInCare.Add(new ChildInCare { PersonId = person.Id, Category = ChildCategory.DeFactoUnsupported, GuardianName = "王某", GuardianRelation = "祖父母", StartOn = new(2026, 1, 1), DivisionCode = JingheTown });
            await ctx.SaveChangesAsync();
        }

        var ex = await Assert.ThrowsAsync<DomainException>(() => Batch().CommitAsync(WelfareGroup.Children, July));

        Assert.Contains("没有适用于 2026年7月 的标准", ex.Message);
    }

    [Fact]
    public async Task AChildIsPaidTheAllowanceOfTheCategoryOncePerMonth()
    {
        var child = await PersonAsync(JingheTown, 1, new DateOnly(2015, 3, 1));
        var children = new ChildInCareService(_db.ActAs(TestUsers.Jinghe), _db, _db.Clock);
        await children.SaveAsync(new ChildForm { PersonId = child.Id, Category = ChildCategory.OrphanDispersed, GuardianName = "李某", GuardianRelation = "祖父母", StartOn = new DateOnly(2026, 5, 1) });

        await Batch().CommitAsync(WelfareGroup.Children, June);
        await Batch().CommitAsync(WelfareGroup.Children, July);
        await Assert.ThrowsAsync<DomainException>(() => Batch().CommitAsync(WelfareGroup.Children, July));

        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal([1200m, 1300m], await ctx.WelfarePayments.OrderBy(p => p.Period).Select(p => p.Amount).ToListAsync());
    }

    [Fact]
    public async Task CentralisedCareNeedsAnInstitutionAndAnAdultIsNoChild()
    {
        var child = await PersonAsync(JingheTown, 1, new DateOnly(2015, 3, 1));
        var adult = await PersonAsync(JingheTown, 2, new DateOnly(1990, 3, 1));
        var children = new ChildInCareService(_db.ActAs(TestUsers.Jinghe), _db, _db.Clock);

        var noInstitution = await Assert.ThrowsAsync<DomainException>(() => children.SaveAsync(new ChildForm { PersonId = child.Id, Category = ChildCategory.OrphanCentralised, GuardianName = "福利院", GuardianRelation = "机构监护", StartOn = new DateOnly(2026, 5, 1) }));
        var grownUp = await Assert.ThrowsAsync<DomainException>(() => children.SaveAsync(new ChildForm { PersonId = adult.Id, Category = ChildCategory.OrphanDispersed, GuardianName = "李某", GuardianRelation = "兄姐", StartOn = new DateOnly(2026, 5, 1) }));

        Assert.Contains("须选择所在儿童福利机构", noInstitution.Message);
        Assert.Contains("已年满 18 周岁", grownUp.Message);
    }

    [Fact]
    public async Task EducationAidIsUniquePerStudentAndYear()
    {
        var child = await PersonAsync(JingheTown, 1, new DateOnly(2009, 3, 1));
        var aids = new EducationAidService(_db.ActAs(TestUsers.Jinghe), _db, _db.Clock);
        var form = new EducationAidForm { PersonId = child.Id, Year = 2026, School = "博州第一高级中学", Amount = 5000, GrantedOn = new DateOnly(2026, 9, 10) };
        await aids.SaveAsync(form);

        var ex = await Assert.ThrowsAsync<DomainException>(() => aids.SaveAsync(form));

        Assert.Contains("每人每年只能资助一次", ex.Message);
        form.Year = 2025;
        form.GrantedOn = new DateOnly(2025, 9, 10);
        await aids.SaveAsync(form);
    }

    [Fact]
    public async Task AStaleEditIsRefusedAndTheChangeIsAudited()
    {
        var person = await PersonAsync(JingheTown, 1);
        var id = await Subsidies().SaveAsync(Form(person, 3));
        var first = (await Subsidies().GetAsync(id))!;
        var second = (await Subsidies().GetAsync(id))!;
        first.CrossProvince = true;
        await Subsidies().SaveAsync(first);

        second.Note = "旧页面";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Subsidies().SaveAsync(second));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(2, await ctx.AuditEntries.CountAsync(a => a.EntityType == nameof(DisabilitySubsidy) && a.EntityKey == id.ToString()));
    }

    [Fact]
    public async Task AJingheClerkCannotSeeOrPayWenquanRecipients()
    {
        var wenquan = await PersonAsync(WenquanTown, 1);
        await Subsidies(TestUsers.Wenquan).SaveAsync(Form(wenquan));

        Assert.Empty((await Subsidies(TestUsers.Jinghe).ListAsync(new SupportFilter(), new PageRequest(0, 10))).Items);
        Assert.Empty((await Batch(TestUsers.Jinghe).PreviewAsync(WelfareGroup.Disability, July)).Lines);
        await Assert.ThrowsAsync<DomainException>(() => Subsidies(TestUsers.Jinghe).SaveAsync(Form(wenquan)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Batch(TestUsers.Leader).CommitAsync(WelfareGroup.Disability, July));
    }

    [Fact]
    public async Task AnEligiblePopulationCannotBeAddedUnderASubmittedMonthsCoverageRate()
    {
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            ctx.ReportSubmissions.Add(new CivilAffairs.Core.Reporting.ReportSubmission
            {
                DivisionCode = "652722", Period = 202610, Number = 1, State = CivilAffairs.Core.Reporting.SubmissionState.Submitted,
                SubmittedAt = DateTimeOffset.UtcNow, SubmittedBy = "jhstat",
            });
            await ctx.SaveChangesAsync();
        }

        var eligible = new EligiblePopulationService(_db.ActAs(TestUsers.Admin));

        var error = await Assert.ThrowsAsync<DomainException>(() => eligible.SaveAsync(new EligibleRow(0, Guid.Empty, "652722", DisabilitySubsidyType.Living, 4, 202609)));
        await eligible.SaveAsync(new EligibleRow(0, Guid.Empty, "652722", DisabilitySubsidyType.Living, 4, 202611));

        Assert.Contains("已报送", error.Message);
        await using var check = _db.CreateDbContext(UserContext.System);
        Assert.Equal([202611], await check.EligiblePopulations.Select(e => e.EffectiveFrom).ToListAsync());
    }

    [Fact]
    public async Task IndicatorsCountRecipientsCoverageAndSpendingFromHandMadeData()
    {
        var a = await PersonAsync(JingheTown, 1);
        var b = await PersonAsync(JingheTown, 2);
        var c = await PersonAsync(WenquanTown, 3);
        await Subsidies(TestUsers.Admin).SaveAsync(Form(a, 1));
        await Subsidies(TestUsers.Admin).SaveAsync(Form(b, 3));
        await Subsidies(TestUsers.Admin).SaveAsync(Form(a, 1, DisabilitySubsidyType.Nursing));
        var ended = Form(c, 2);
        ended.EndOn = new DateOnly(2026, 6, 30);
        await Subsidies(TestUsers.Admin).SaveAsync(ended);
        var eligible = new EligiblePopulationService(_db.ActAs(TestUsers.Admin));
        await eligible.SaveAsync(new EligibleRow(0, Guid.Empty, "652722", DisabilitySubsidyType.Living, 4, 202601));
        await eligible.SaveAsync(new EligibleRow(0, Guid.Empty, "652722", DisabilitySubsidyType.Living, 3, 202609));
        await eligible.SaveAsync(new EligibleRow(0, Guid.Empty, "652722", DisabilitySubsidyType.Nursing, 1, 202601));
        await Batch(TestUsers.Admin).CommitAsync(WelfareGroup.Disability, June);
        await Batch(TestUsers.Admin).CommitAsync(WelfareGroup.Disability, July);
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            var ids = await ctx.WelfarePayments.Select(p => p.Id).ToListAsync();
            await Batch(TestUsers.Admin).SettleAsync(WelfareGroup.Disability, ids, PaymentStatus.Paid);
        }

        var engine = new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db);
        var july = (await engine.ComputeAsync(ChildDisabilityIndicators.All, July, "652700")).ToDictionary(r => r.Definition.Code, r => r.Current.Value);
        var october = (await engine.ComputeAsync(ChildDisabilityIndicators.All, new Period(2026, 10), "652700")).ToDictionary(r => r.Definition.Code, r => r.Current.Value);

        Assert.Equal(2m, july["DS01"]);                 // a and b; c ended in June
        Assert.Equal(1m, july["DS02"]);
        Assert.Equal(50.0m, july["DS03"]);              // 2 of 4 eligible (January record)
        Assert.Equal(66.7m, october["DS03"]);           // 2 of 3 (September record)
        Assert.Equal(100.0m, july["DS04"]);
        Assert.Equal(0.04m, july["DS05"]);              // July: 120 + 120 + 150 = 390 元
        Assert.Equal(0.08m, july["DS06"]);              // June 100 + 100 + 150 + 100 (c) = 450; + 390 = 840 元
        Assert.Equal(0m, october["DS05"]);
    }
}
